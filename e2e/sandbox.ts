import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { APIRequestContext } from "@playwright/test";
import { controlClient, type ControlClient, type FaultInput } from "../sandbox/control-client.ts";

/**
 * The sandbox behind Playwright's webServer: its control API (reset, faults, clock, request
 * log) for test setup and assertions, and Minted's own API with Digest for "another channel".
 */
export const sandboxUrl = process.env.E2E_SANDBOX_URL ?? "http://127.0.0.1:4110";

/** The sandbox's control API through Playwright's request context (it shows in traces). */
export function sandboxControl(request: APIRequestContext): ControlClient {
  return controlClient(sandboxUrl, async (method, url, body) => {
    const res = await request.fetch(url, { method, ...(body === undefined ? {} : { data: body }) });
    const text = await res.text();
    return { status: res.status(), body: text ? (JSON.parse(text) as unknown) : undefined };
  });
}

/** A fresh sandbox: seed data, clock, no faults, an empty request log. */
export async function resetSandbox(request: APIRequestContext): Promise<void> {
  const control = sandboxControl(request);
  await control.reset();
  await control.faults.clear();
}

/** Injects a fault (see README, sandbox control API). */
export async function fault(request: APIRequestContext, spec: FaultInput) {
  await sandboxControl(request).faults.add(spec);
}

/** Moves the sandbox clock forward (price fixes expire, orders advance). */
export async function advanceClock(request: APIRequestContext, seconds: number) {
  await sandboxControl(request).clock.advance(seconds);
}

/** The id of the sandbox's latest logged request (its log is a bounded ring). */
export async function lastRequestId(request: APIRequestContext): Promise<number> {
  return sandboxControl(request).requests.lastId();
}

/** Upstream requests with this method and path since the request `since`. */
export async function upstreamCalls(
  request: APIRequestContext,
  method: string,
  path: string,
  since = 0,
): Promise<number> {
  return sandboxControl(request).requests.count(method, path, { since, challenges: true });
}

/**
 * Calls Minted's API on the sandbox as the partner would (curl with HTTP Digest): the way a
 * test plays "another channel" acting on the same customer.
 */
export async function upstream(
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
): Promise<unknown> {
  const args = ["-sS", "--digest", "-u", "demo-partner:demo-secret", "-X", method];
  args.push("-H", "x-client-id: web", "-H", "accept: application/json");
  if (body !== undefined)
    args.push("-H", "content-type: application/json", "--data-binary", JSON.stringify(body));
  const { stdout } = await promisify(execFile)("curl", [...args, `${sandboxUrl}${path}`]);
  return JSON.parse(stdout) as unknown;
}
