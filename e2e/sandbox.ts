import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, type APIRequestContext } from "@playwright/test";

/**
 * The sandbox behind Playwright's webServer: its control API (reset, faults, clock, request
 * log) for test setup and assertions, and Minted's own API with Digest for "another channel".
 */
export const sandboxUrl = process.env.E2E_SANDBOX_URL ?? "http://127.0.0.1:4110";

/** A fresh sandbox: seed data, clock, no faults, an empty request log. */
export async function resetSandbox(request: APIRequestContext): Promise<void> {
  expect((await request.post(`${sandboxUrl}/__sandbox/reset`)).ok()).toBe(true);
  expect((await request.delete(`${sandboxUrl}/__sandbox/faults`)).ok()).toBe(true);
}

/** Injects a fault (see README, sandbox control API). */
export async function fault(request: APIRequestContext, spec: Record<string, unknown>) {
  const res = await request.post(`${sandboxUrl}/__sandbox/faults`, { data: spec });
  expect(res.ok()).toBe(true);
}

/** Moves the sandbox clock forward (price fixes expire, orders advance). */
export async function advanceClock(request: APIRequestContext, seconds: number) {
  const res = await request.post(`${sandboxUrl}/__sandbox/clock`, {
    data: { advance: seconds },
  });
  expect(res.ok()).toBe(true);
}

function entriesOf(body: unknown): unknown[] {
  if (typeof body !== "object" || body === null || !("data" in body)) return [];
  return Array.isArray(body.data) ? body.data : [];
}

/** The id of the sandbox's latest logged request (its log is a bounded ring). */
export async function lastRequestId(request: APIRequestContext): Promise<number> {
  const last = entriesOf(
    await (await request.get(`${sandboxUrl}/__sandbox/requests?limit=1`)).json(),
  )[0];
  return typeof last === "object" && last !== null && "id" in last && typeof last.id === "number"
    ? last.id
    : 0;
}

/** Upstream requests with this method and path since the request `since`. */
export async function upstreamCalls(
  request: APIRequestContext,
  method: string,
  path: string,
  since = 0,
): Promise<number> {
  const res = await request.get(
    `${sandboxUrl}/__sandbox/requests?method=${method}&path=${encodeURIComponent(path)}&since=${String(since)}`,
  );
  return entriesOf(await res.json()).length;
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
