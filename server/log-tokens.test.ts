import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileLinkSchema } from "../contract/files.ts";
import { apiClient, paidOrder, resetSandbox } from "./api/api-test-client.ts";
import { mintDevLaunchToken } from "./session/launch-token.ts";
import { startTestProxy, TEST_ORIGIN, type TestProxy } from "./test-support.ts";

/**
 * The log lines of real requests (LOG_LEVEL=debug, every line the proxy writes) hold none of the
 * tokens those requests carried: invoice-link tokens, launch tokens, cart and price tokens.
 */
const lines: string[] = [];
let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({
    env: { LOG_LEVEL: "debug" },
    logWrite: (line) => lines.push(line),
  });
  await resetSandbox(proxy);
});
afterAll(() => proxy.close());

/** JWS/JWE compact serialisations: the shape of launch tokens, file links and session cookies. */
const JOSE = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/;

describe("tokens in logs", () => {
  it("a launch, a paid order and its invoice link and download leave no token in any line", async () => {
    const launchToken = await mintDevLaunchToken(proxy.deps.env, "DEMO-IND-001");
    const launched = await proxy.app.request("/api/session", {
      method: "POST",
      headers: { origin: TEST_ORIGIN, "content-type": "application/json" },
      body: JSON.stringify({ token: launchToken }),
    });
    expect(launched.status).toBe(200);
    // A launch token sent where it does not belong still stays out of the access log.
    await proxy.app.request(`/launch?token=${launchToken}`);

    const api = await apiClient(proxy, "DEMO-IND-001", "tr");
    const code = await paidOrder(api);
    const link = fileLinkSchema.parse(
      (await api.call("GET", `/api/orders/${code}/invoice/pdf`)).json,
    );
    const fileToken = /\/api\/files\/invoices\/([^/]+)\//.exec(link.url)?.[1] ?? "";
    expect(fileToken.length).toBeGreaterThan(20);
    const download = await proxy.app.request(new URL(link.url).pathname);
    expect(download.status).toBe(200);
    // A tampered link too (not found).
    await proxy.app.request(`/api/files/invoices/${fileToken}x/invoice.pdf`);

    expect(lines.length).toBeGreaterThan(10);
    const leaks = lines.filter(
      (line) => line.includes(fileToken) || line.includes(launchToken) || JOSE.test(line),
    );
    expect(leaks).toEqual([]);
    const withPaths = lines.filter((line) => line.includes("/api/files/invoices/"));
    expect(withPaths.length).toBeGreaterThan(0);
  });
});
