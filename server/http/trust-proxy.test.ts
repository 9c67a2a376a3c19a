import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.ts";
import { createMemoryStore } from "../store/memory-store.ts";
import { startTestProxy, type TestProxy } from "../test-support.ts";
import { trustProxySchema } from "./trust-proxy.ts";

/**
 * Per-IP limits over a real socket (the client address needs one), PUBLIC_URL set as deployed.
 * RATE_LIMIT_IP_PER_MINUTE=5: the 6th request from one client address in a minute is 429.
 */
let proxy: TestProxy;
const servers: ServerType[] = [];
beforeAll(async () => {
  proxy = await startTestProxy({ env: { RATE_LIMIT_IP_PER_MINUTE: "5" } });
});
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await proxy.close();
});

/** A fresh proxy (own store) on 127.0.0.1 with TRUST_PROXY = `trust`; returns its base URL. */
async function listen(trust: string | undefined): Promise<string> {
  const env = { ...proxy.deps.env, TRUST_PROXY: trustProxySchema.parse(trust) };
  const app = createApp({ ...proxy.deps, env, store: createMemoryStore() });
  return new Promise((resolve) => {
    const server = serve(
      { fetch: app.fetch, port: 0, hostname: "127.0.0.1" },
      (info: AddressInfo) => resolve(`http://127.0.0.1:${String(info.port)}`),
    );
    servers.push(server);
  });
}

const statuses = async (base: string, forwardedFor: string[]) => {
  const out: number[] = [];
  for (const xff of forwardedFor) {
    const res = await fetch(`${base}/api/session/me`, { headers: { "x-forwarded-for": xff } });
    await res.arrayBuffer();
    out.push(res.status);
  }
  return out;
};
const spoofed = (n: number, suffix = "") =>
  Array.from({ length: n }, (_, i) => `198.51.100.${String(i + 1)}${suffix}`);

describe("client address for per-IP limits", () => {
  it("without TRUST_PROXY a spoofed X-Forwarded-For is ignored: the socket is the client", async () => {
    const base = await listen(undefined);
    expect(await statuses(base, spoofed(7))).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it("TRUST_PROXY=1: the hop our load balancer appended, whatever the client prepends", async () => {
    const base = await listen("1");
    // Each client sends a different spoofed first hop; the balancer appended 203.0.113.7.
    expect(await statuses(base, spoofed(6, ", 203.0.113.7"))).toEqual([
      401, 401, 401, 401, 401, 429,
    ]);
    // Another real client (another appended hop) has its own budget.
    expect(await statuses(base, ["198.51.100.1, 203.0.113.8"])).toEqual([401]);
  });

  it("TRUST_PROXY=addresses: the right-most hop that is not a trusted proxy", async () => {
    const base = await listen("127.0.0.1, 10.0.0.0/8");
    // client → 203.0.113.7 (untrusted: the client) → 10.1.2.3 (our balancer) → socket.
    expect(await statuses(base, spoofed(6, ", 203.0.113.7, 10.1.2.3"))).toEqual([
      401, 401, 401, 401, 401, 429,
    ]);
    expect(await statuses(base, ["203.0.113.9, 10.1.2.3"])).toEqual([401]);
  });

  it("TRUST_PROXY=addresses not including the socket's peer: X-Forwarded-For is ignored", async () => {
    const base = await listen("10.0.0.0/8");
    expect(await statuses(base, spoofed(6))).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
