import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "./server.ts";
import { control, curl, startTestSandbox } from "./test-support.ts";

describe("control API", () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox();
  });
  afterAll(() => sb.close());
  beforeEach(() => control(sb.url, "POST", "/reset"));

  it("logs requests with method, path, status, auth scheme and duration, filterable", async () => {
    await curl(sb.url, "/partner/ecom/categories");
    await curl(sb.url, "/partner/ecom/product?sku=NOPE");
    const all = (await control(sb.url, "GET", "/requests")).data;
    // curl --digest: one 401 challenge, then the authenticated request.
    expect(all.map((r: { status: number }) => r.status)).toEqual([401, 200, 401, 404]);
    expect(all[1]).toMatchObject({
      method: "GET",
      path: "/partner/ecom/categories",
      status: 200,
      auth: "digest",
    });
    expect(all[1].duration_ms).toBeGreaterThanOrEqual(0);
    expect(all[1].time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const filtered = (await control(sb.url, "GET", "/requests?status=404")).data;
    expect(filtered).toHaveLength(1);
    expect(filtered[0].query).toBe("?sku=NOPE");
    expect(
      (await control(sb.url, "GET", "/requests?path=/partner/ecom/cat&auth=none")).data,
    ).toHaveLength(1);
    await control(sb.url, "DELETE", "/requests");
    expect((await control(sb.url, "GET", "/requests")).data).toHaveLength(0);
  });

  it("injects a forced status for a count, then recovers", async () => {
    const fault = await control(sb.url, "POST", "/faults", {
      method: "GET",
      path: "/partner/ecom/categories",
      status: 503,
      count: 1,
    });
    expect(fault.data).toMatchObject({ id: expect.any(Number), status: 503, count: 1 });
    expect((await curl(sb.url, "/partner/ecom/categories", { auth: "none" })).status).toBe(503);
    expect((await curl(sb.url, "/partner/ecom/categories")).status).toBe(200);
    // Other methods and paths are untouched.
    await control(sb.url, "POST", "/faults", {
      method: "POST",
      path: "/partner/ecom/categories",
      status: 500,
    });
    expect((await curl(sb.url, "/partner/ecom/categories")).status).toBe(200);
  });

  it("adds latency, malformed bodies and dropped connections", async () => {
    await control(sb.url, "POST", "/faults", { path: "/partner/ecom/prices", latency_ms: 300 });
    const started = performance.now();
    expect((await curl(sb.url, "/partner/ecom/prices")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    await control(sb.url, "DELETE", "/faults");

    await control(sb.url, "POST", "/faults", { path: "/partner/ecom/categories", malformed: true });
    const malformed = await curl(sb.url, "/partner/ecom/categories");
    expect(malformed.status).toBe(200);
    expect(malformed.text.startsWith('{"data":')).toBe(true);
    expect(malformed.json).toBeUndefined();
    await control(sb.url, "DELETE", "/faults");

    await control(sb.url, "POST", "/faults", {
      path: "/partner/ecom/products",
      drop: true,
      count: 1,
    });
    await expect(
      curl(sb.url, "/partner/ecom/products?page=1&total=5", { auth: "none" }),
    ).rejects.toThrow();
    expect((await curl(sb.url, "/partner/ecom/products?page=1&total=5")).status).toBe(200);
  });

  it("applies faults at a rate", async () => {
    await control(sb.url, "POST", "/faults", {
      path: "/partner/ecom/categories",
      status: 502,
      rate: 0,
    });
    expect((await curl(sb.url, "/partner/ecom/categories")).status).toBe(200);
    const list = (await control(sb.url, "GET", "/faults")).data;
    expect(list[0].hits).toBe(0);
  });

  it("validates control requests", async () => {
    expect((await control(sb.url, "POST", "/faults", { path: "no-slash" })).code).toBe(422);
    expect((await control(sb.url, "POST", "/faults", { path: "/x", status: 200 })).code).toBe(422);
    expect((await control(sb.url, "POST", "/clock", { advance: -5 })).code).toBe(422);
    expect((await control(sb.url, "PUT", "/config", { digest_algorithm: "SHA-1" })).code).toBe(422);
    expect((await control(sb.url, "PUT", "/config", { unknown: 1 })).code).toBe(422);
  });

  it("seeds a customer's paid order history (test-only), listed newest first with invoices", async () => {
    const seeded = await control(sb.url, "POST", "/customers/DEMO-IND-001/orders", {
      count: 3,
      spacing_s: 86_400,
    });
    const codes: string[] = seeded.data.codes;
    expect(codes).toHaveLength(3);
    const list = await curl(
      sb.url,
      "/partner/ecom/orders?customer_external_id=DEMO-IND-001&sortBy=created_at&sortType=desc",
    );
    expect(list.json.data.data.map((o: { increment_id: string }) => o.increment_id)).toEqual(
      [...codes].reverse(),
    );
    expect(list.json.data.data[2]).toMatchObject({
      order_creation_status: "order",
      customer: { external_id: "DEMO-IND-001" },
      payment: { state: "success" },
    });
    const oldest = list.json.data.data[2];
    const one = await curl(sb.url, "/partner/ecom/getorder", {
      method: "POST",
      body: { customer_external_id: "DEMO-IND-001", cart_token: oldest.token },
    });
    expect(one.json.data.increment_id).toBe(codes[0]);
    const invoice = await curl(sb.url, `/partner/order/${String(codes[0])}/invoice`);
    expect(invoice.status).toBe(200);
    expect(invoice.json.data.customer.external_id).toBe("DEMO-IND-001");

    expect((await control(sb.url, "POST", "/customers/NOBODY/orders", { count: 1 })).code).toBe(
      404,
    );
    for (const bad of [{ count: 0 }, { count: 5001 }, { count: 1, extra: true }])
      expect((await control(sb.url, "POST", "/customers/DEMO-IND-001/orders", bad)).code).toBe(422);
  });

  it("advances the clock and changes configuration; reset restores both", async () => {
    const before = Date.parse((await control(sb.url, "GET", "/clock")).data.now);
    const after = Date.parse((await control(sb.url, "POST", "/clock", { advance: 3600 })).data.now);
    expect(after - before).toBeGreaterThanOrEqual(3600_000);
    const cfg = (await control(sb.url, "PUT", "/config", { pricefix_ttl: 60, nonce_ttl: 30 })).data;
    expect(cfg).toMatchObject({ pricefix_ttl: 60, nonce_ttl: 30, digest_algorithm: "MD5" });
    await control(sb.url, "POST", "/reset");
    expect((await control(sb.url, "GET", "/config")).data).toMatchObject({
      pricefix_ttl: 240,
      nonce_ttl: 300,
    });
    const now = Date.parse((await control(sb.url, "GET", "/clock")).data.now);
    expect(now - Date.now()).toBeLessThan(5000);
  });
});
