import { Hono } from "hono";
import { contextStorage } from "hono/context-storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppEnv } from "../deps.ts";
import { startTestProxy, type TestProxy } from "../test-support.ts";
import { withRequestContext } from "./request-scope.ts";

/** Every upstream request the proxy sends, with the headers that carry the request's context. */
const sent: { path: string; lang: string | null; requestId: string | null }[] = [];
let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({
    fetch: (input, init) => {
      const request = new Request(input, init);
      sent.push({
        path: new URL(request.url).pathname,
        lang: request.headers.get("accept-language"),
        requestId: request.headers.get("x-request-id"),
      });
      return fetch(request);
    },
  });
});
afterAll(() => proxy.close());

describe("cross-request context", () => {
  it("every upstream call of a request carries its language and request id, handed to no helper", async () => {
    const headers = await proxy.headers("DEMO-IND-001", {
      "accept-language": "en",
      "x-request-id": "ctx-basket-1",
    });
    sent.length = 0;
    // Adding to the basket goes through the catalog, the basket read and the mutation helpers.
    const res = await proxy.app.request("/api/basket/items", {
      method: "POST",
      headers,
      body: JSON.stringify({ sku: "MNTGB00010", quantity: 1 }),
    });
    expect(res.status).toBe(200);
    const own = sent.filter((s) => !s.path.includes("oauth"));
    expect(own.length).toBeGreaterThan(0);
    for (const call of own) expect(call).toMatchObject({ lang: "en", requestId: "ctx-basket-1" });
  });

  it("a call's own language wins; outside a request nothing is added", async () => {
    const seen: unknown[] = [];
    type Call = { op: string; lang?: "tr" | "en"; requestId?: string };
    const calls: Call[] = [
      { op: "legalTypes" },
      { op: "legalTypes", lang: "tr" },
      { op: "prices" },
    ];
    const app = new Hono<AppEnv>();
    app.use(contextStorage());
    app.get("/", (c) => {
      c.set("lang", "en");
      c.set("requestId", "r-9");
      seen.push(withRequestContext(calls[0] as Call));
      seen.push(withRequestContext(calls[1] as Call));
      return c.text("ok");
    });
    await app.request("/");
    seen.push(withRequestContext(calls[2] as Call));
    expect(seen).toEqual([
      { op: "legalTypes", lang: "en", requestId: "r-9" },
      { op: "legalTypes", lang: "tr", requestId: "r-9" },
      { op: "prices" },
    ]);
  });
});
