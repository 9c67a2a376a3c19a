import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CORP,
  CORP_BILLING,
  GOLD_1G,
  IND,
  basketWith,
  completeBasket,
  resetPinned,
  setSavedAddresses,
} from "./ecom-test-support.ts";
import type { RunningSandbox } from "./server.ts";
import { control, curl, startTestSandbox } from "./test-support.ts";

describe("Embedded Webview (Bearer)", () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox();
  });
  afterAll(() => sb.close());
  beforeEach(() => resetPinned(sb.url));

  const issue = async (customer: string) =>
    curl(sb.url, "/partner/ecom/token", {
      method: "POST",
      body: { external_customer_id: customer },
    });

  it("issues a customer token for the active basket, completion and the order list", async () => {
    const issued = await issue(IND);
    expect(issued.status).toBe(200);
    expect(issued.json.data.token).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(issued.json.data.expires_in).toBe(3600);
    const auth = { bearer: issued.json.data.token as string };

    const none = await curl(sb.url, "/partner/ecom/getActiveBasket", { auth });
    expect(none.status).toBe(200);
    expect(none.json.data).toBeNull();

    const cartToken = await basketWith(sb.url, IND, [[GOLD_1G, 1]]);
    await setSavedAddresses(sb.url, IND, cartToken);
    const active = await curl(sb.url, "/partner/ecom/getActiveBasket", { auth });
    expect(active.json.data).toMatchObject({
      token: cartToken,
      order_creation_status: "basket",
      paid_total: 4430.93,
    });
    // The 28 fields of the Ecom Order schema page and the `currency_code` of the api-8328441 example.
    expect(Object.keys(active.json.data)).toHaveLength(29);

    const done = await curl(sb.url, "/partner/ecom/complete", {
      method: "POST",
      auth,
      body: {
        cart_token: cartToken,
        payment_type: "creditcard",
        installment: 6,
        return_url: "https://shop.example.com/r",
      },
    });
    expect(done.status).toBe(200);
    expect(done.json.data).toMatchObject({
      order_creation_status: "order",
      status_name: "Created",
      payment_cost: 239.27,
      paid_total: 4670.2,
      payment: { state: "new", is_3d: true },
    });
    expect((await curl(sb.url, "/partner/ecom/getActiveBasket", { auth })).json.data).toBeNull();

    // Another customer's order (Digest) never shows in this token's list.
    const corpBasket = await basketWith(sb.url, CORP, [[GOLD_1G, 1]]);
    await setSavedAddresses(sb.url, CORP, corpBasket, [CORP_BILLING, CORP_BILLING]);
    await completeBasket(sb.url, {
      external_customer_id: CORP,
      cart_token: corpBasket,
      payment_type: "cash",
    });

    const mine = await curl(
      sb.url,
      `/partner/ecom/orders?page=1&total=10&sortBy=created_at&sortType=desc&customer_external_id=${CORP}`,
      { auth },
    );
    expect(mine.status).toBe(200);
    expect(mine.json.data.data.map((o: { token: string }) => o.token)).toEqual([cartToken]);
    const created = await curl(sb.url, "/partner/ecom/orders?status=1", { auth });
    expect(created.json.data.total).toBe(1);
    const pending = await curl(sb.url, "/partner/ecom/orders?status=2", { auth });
    expect(pending.json.data.total).toBe(0);
    const everyone = await curl(sb.url, "/partner/ecom/orders");
    expect(everyone.json.data.total).toBe(2);
  });

  it("refuses bad, expired and wrong-scheme credentials", async () => {
    const bad = await curl(sb.url, "/partner/ecom/getActiveBasket", {
      auth: { bearer: "not-a-token" },
    });
    expect(bad.status).toBe(401);
    expect(bad.headers["www-authenticate"]).toMatch(/^Bearer /);
    expect(
      (await curl(sb.url, "/partner/ecom/orders", { auth: { bearer: "not-a-token" } })).status,
    ).toBe(401);

    const digestOnBearer = await curl(sb.url, "/partner/ecom/getActiveBasket");
    expect(digestOnBearer.status).toBe(401);
    const digestComplete = await curl(sb.url, "/partner/ecom/complete", {
      method: "POST",
      body: { cart_token: "x".repeat(32), payment_type: "cash" },
    });
    expect(digestComplete.status).toBe(401);
    const tokenWithoutDigest = await curl(sb.url, "/partner/ecom/token", {
      method: "POST",
      auth: "none",
      body: { external_customer_id: IND },
    });
    expect(tokenWithoutDigest.status).toBe(401);

    const auth = { bearer: (await issue(IND)).json.data.token as string };
    await control(sb.url, "POST", "/clock", { advance: 3601 });
    expect((await curl(sb.url, "/partner/ecom/getActiveBasket", { auth })).status).toBe(401);

    expect((await issue("NOBODY")).status).toBe(404);
    const missing = await curl(sb.url, "/partner/ecom/token", { method: "POST", body: {} });
    expect(missing.status).toBe(422);
    expect(missing.json.errors).toHaveProperty("external_customer_id");
  });

  it("completes only the token customer's own basket, with validated input", async () => {
    const corpBasket = await basketWith(sb.url, CORP, [[GOLD_1G, 1]]);
    const auth = { bearer: (await issue(IND)).json.data.token as string };
    const foreign = await curl(sb.url, "/partner/ecom/complete", {
      method: "POST",
      auth,
      body: { cart_token: corpBasket, payment_type: "cash" },
    });
    expect(foreign.status).toBe(403);
    const invalid = await curl(sb.url, "/partner/ecom/complete", {
      method: "POST",
      auth,
      headers: { "Accept-Language": "en" },
      body: { cart_token: corpBasket, payment_type: "paypal" },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.json.errors.payment_type).toEqual(["The selected payment_type is invalid."]);
  });
});
