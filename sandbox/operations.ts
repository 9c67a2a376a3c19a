import type { Context, Handler } from "hono";
import {
  MINTED_OPERATIONS,
  routePath,
  type MintedOperation,
  type OperationName,
} from "../minted/operations.ts";
import type { SandboxBindings } from "./context.ts";
import type { Hono } from "hono";

/**
 * The sandbox answers Minted's operations by name: method and path come from the one table in
 * `minted/operations.ts`, so the sandbox cannot serve a path the proxy does not call, and a row
 * without a handler is found by a test (`handledOperations`).
 */

type App = Hono<SandboxBindings>;
const handled = new WeakMap<App, Set<OperationName>>();

/**
 * Serve `names` with `handler`. Several names share a handler only where the table gives them
 * one method and path (Get Orders with Digest and with a Webview Bearer token).
 */
export function handle(
  app: App,
  names: OperationName | readonly [OperationName, ...OperationName[]],
  handler: Handler<SandboxBindings>,
): void {
  const list: readonly OperationName[] = typeof names === "string" ? [names] : names;
  const rows = list.map((name): MintedOperation => MINTED_OPERATIONS[name]);
  const [first] = rows;
  if (!first || rows.some((r) => r.method !== first.method || r.path !== first.path))
    throw new Error(`one handler for ${list.join(", ")}: they do not share a method and path`);
  app.on(first.method, routePath(first.path), handler);
  const set = handled.get(app) ?? new Set<OperationName>();
  for (const name of list) set.add(name);
  handled.set(app, set);
}

/** The operations `app` has a handler for. */
export function handledOperations(app: App): ReadonlySet<OperationName> {
  return handled.get(app) ?? new Set();
}

/** `METHOD path` keys the sandbox authenticates with a Bearer token only (Embedded Webview). */
export function bearerOnlyRoutes(): Set<string> {
  const byRoute = new Map<string, Set<string>>();
  for (const row of Object.values(MINTED_OPERATIONS) as MintedOperation[]) {
    const key = `${row.method} ${row.path}`;
    byRoute.set(key, (byRoute.get(key) ?? new Set()).add(row.auth));
  }
  return new Set(
    [...byRoute].filter(([, auths]) => auths.size === 1 && auths.has("bearer")).map(([k]) => k),
  );
}

/** `METHOD path` keys where either Digest or a Bearer token is accepted. */
export function sharedRoutes(): Set<string> {
  const keys = new Set<string>();
  const seen = new Map<string, string>();
  for (const row of Object.values(MINTED_OPERATIONS) as MintedOperation[]) {
    const key = `${row.method} ${row.path}`;
    const other = seen.get(key);
    if (other !== undefined && other !== row.auth) keys.add(key);
    seen.set(key, row.auth);
  }
  return keys;
}

/** A `{name}` path parameter of the operation that matched (always present once routed). */
export function pathParam(c: Context, name: string): string {
  const value = c.req.param(name);
  if (value === undefined) throw new Error(`no path parameter ${name} on ${c.req.path}`);
  return value;
}
