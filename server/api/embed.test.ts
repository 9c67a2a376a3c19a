import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embedConfigSchema } from "../../contract/bridge.ts";
import { proxyEnvSchema } from "../env.ts";
import { TEST_PRODUCTION_ENV, startTestProxy, type TestProxy } from "../test-support.ts";
import { embedOrigins } from "./embed.ts";

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(() => proxy.close());

describe("GET /api/embed/config", () => {
  it("answers the allowed parent origins, without a session and never cached", async () => {
    const res = await proxy.app.request("http://shop.test/api/embed/config");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = embedConfigSchema.parse(await res.json());
    // Sandbox mode: the shop's own origin, for the /dev/host harness.
    expect(body.parentOrigins).toContain("http://shop.test");
  });

  it("is FRAME_ANCESTORS in production, plus the own origin only in sandbox mode", () => {
    const production = proxyEnvSchema.parse({
      ...TEST_PRODUCTION_ENV,
      FRAME_ANCESTORS: "https://bank.example",
    });
    expect(embedOrigins(production, "https://shop.example")).toEqual(["https://bank.example"]);
    const sandbox = proxyEnvSchema.parse({
      NODE_ENV: "test",
      FRAME_ANCESTORS: "https://bank.example",
    });
    expect(embedOrigins(sandbox, "http://127.0.0.1:8080")).toEqual([
      "https://bank.example",
      "http://127.0.0.1:8080",
    ]);
  });
});

describe("/dev/host (sandbox mode)", () => {
  it("serves the harness with its script and style as files (no inline script)", async () => {
    const page = await proxy.app.request("/dev/host");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/dev/host.js">');
    expect(html).not.toMatch(/<script>(?!<)/);
    expect((await proxy.app.request("/dev/host.js")).headers.get("content-type")).toContain(
      "javascript",
    );
    const token = await proxy.app.request("/dev/host/token?customer=DEMO-IND-001");
    expect(((await token.json()) as { token: string }).token.split(".")).toHaveLength(3);
    expect((await proxy.app.request("/dev/host/token?customer=../x")).status).toBe(400);
  });
});
