import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  GOLD_1G,
  IND,
  cardOrder,
  completeBasket,
  getOrder,
  resetPinned,
} from "./ecom-test-support.ts";
import type { RunningSandbox } from "./server.ts";
import { control, curl, startTestSandbox } from "./test-support.ts";

const RETURN_URL = "https://shop.example.com/checkout/return";
const browser = { auth: "none" } as const;

describe("3-D Secure page and payment callbacks", () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox();
  });
  afterAll(() => sb.close());
  beforeEach(() => resetPinned(sb.url));

  const stockOf = async (sku: string) =>
    (await curl(sb.url, `/partner/ecom/product?sku=${sku}`)).json.data.stock;

  it("approves a card payment, returns to the shop and moves the order along", async () => {
    const { cartToken, order } = await cardOrder(sb.url, [[GOLD_1G, 2]], {
      installment: 3,
      external_id: "SHOP-42",
    });
    expect(order.status).toBe(200);
    expect(order.json.data).toMatchObject({
      order_creation_status: "order",
      external_id: "SHOP-42",
      status_id: 1,
      status_name: "Created",
      payment_cost: 252.36,
      paid_total: 8954.31,
      currency_total: 8954.31,
      payment: {
        state: "new",
        payment_type: "creditcard",
        is_3d: true,
        auth_mode: "3d",
        amount: 8701.95,
        comission: 252.36,
        total: 8954.31,
        details: null,
      },
    });
    const payToken: string = order.json.data.payment.token;
    expect(payToken).toMatch(/^[A-Za-z0-9]{128}$/);
    expect(order.json.data.payment.redirect_url).toBe(`${sb.url}/pay/${payToken}`);
    expect(await stockOf(GOLD_1G)).toBe(178); // reserved

    const page = await curl(sb.url, `/pay/${payToken}`, browser);
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.headers["content-security-policy"]).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' https://shop.example.com; frame-ancestors 'none'",
    );
    expect(page.text).toContain('<html lang="tr">');
    expect(page.text).toContain("₺8.954,31");
    expect(page.text).toContain("4508 03** **** 4321");
    expect(page.text).toContain('inputmode="numeric" autocomplete="one-time-code"');
    expect(page.text).toContain("Sandbox: herhangi 6 rakam");
    expect(page.text).toContain(`action="/pay/${payToken}/callback/success"`);
    expect(page.text).toContain('name="reason" value="Yetersiz bakiye"');
    expect(page.text).not.toContain("<script");
    const english = await curl(sb.url, `/pay/${payToken}`, {
      ...browser,
      headers: { "Accept-Language": "en" },
    });
    expect(english.text).toContain("Sandbox: any 6 digits");
    expect(english.text).toContain(">Approve</button>");

    const wrongCode = await curl(sb.url, `/pay/${payToken}/callback/success?code=12ab`, browser);
    expect(wrongCode.status).toBe(422);
    expect(wrongCode.text).toContain('role="alert"');
    expect((await getOrder(sb.url, IND, cartToken)).json.data.payment.state).toBe("new");

    const approved = await curl(sb.url, `/pay/${payToken}/callback/success?code=123456`, browser);
    expect(approved.status).toBe(302);
    expect(approved.headers.location).toBe(`${RETURN_URL}?status=success`);
    const repeated = await curl(sb.url, `/pay/${payToken}/callback/success?code=654321`, browser);
    expect(repeated.status).toBe(302);
    expect(repeated.headers.location).toBe(`${RETURN_URL}?status=success`);

    const paid = await getOrder(sb.url, IND, cartToken);
    expect(paid.json.data).toMatchObject({
      status_id: 12,
      status_name: "Payment Confirmed",
      paid_total: 8954.31,
      payment: {
        state: "success",
        details: {
          card_holder: "AYŞE YILMAZ",
          card_number: "450803******4321",
          card_expiry: "12/29",
          card_association: "Visa",
        },
      },
    });
    // Back from the shop's receipt: the bank page of a finished payment sends the browser on.
    const afterTheFact = await curl(sb.url, `/pay/${payToken}`, browser);
    expect(afterTheFact.status).toBe(302);
    expect(afterTheFact.headers.location).toBe(`${RETURN_URL}?status=success`);
    expect(afterTheFact.headers["cache-control"]).toBe("no-store");
    expect(afterTheFact.text).not.toContain("<form");

    await control(sb.url, "POST", "/clock", { advance: 7300 });
    const shipped = (await getOrder(sb.url, IND, cartToken)).json.data;
    expect(shipped).toMatchObject({ status_id: 8, status_name: "Shipped", paid_total: 8954.31 });
    const tracking: string = shipped.delivery.cargo_tracking_number;
    expect(tracking).toMatch(/^YK\d{10}$/);
    expect(shipped.delivery.cargo_tracking_url).toBe(
      `https://kargotakip.example.com/track/${tracking}`,
    );
    expect(shipped.delivery.estimated_arrival_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await control(sb.url, "POST", "/clock", { advance: 48 * 3600 });
    const completed = (await getOrder(sb.url, IND, cartToken)).json.data;
    expect(completed).toMatchObject({ status_id: 5, status_name: "Completed" });
    expect(completed.delivery.cargo_tracking_number).toBe(tracking);
  });

  it("keeps the basket usable after a declined payment", async () => {
    const returnUrl = "https://shop.example.com/return?step=pay#top";
    const { cartToken, order } = await cardOrder(sb.url, [[GOLD_1G, 2]], { return_url: returnUrl });
    const payToken: string = order.json.data.payment.token;
    const declined = await curl(
      sb.url,
      `/pay/${payToken}/callback/fail?reason=${encodeURIComponent("Yetersiz bakiye")}&code=051`,
      browser,
    );
    expect(declined.status).toBe(302);
    expect(declined.headers.location).toBe(
      "https://shop.example.com/return?step=pay&status=fail&code=051#top",
    );
    const again = await curl(sb.url, `/pay/${payToken}/callback/success?code=123456`, browser);
    expect(again.headers.location).toBe(
      "https://shop.example.com/return?step=pay&status=fail&code=051#top",
    );
    // The page of the declined payment does not offer its form again: back to the shop.
    const page = await curl(sb.url, `/pay/${payToken}`, browser);
    expect(page.status).toBe(302);
    expect(page.headers.location).toBe(
      "https://shop.example.com/return?step=pay&status=fail&code=051#top",
    );

    const basket = (await getOrder(sb.url, IND, cartToken)).json.data;
    expect(basket).toMatchObject({
      order_creation_status: "basket",
      order_at: null,
      status_name: "Pending",
      payment_cost: 0,
      payment: { state: "failed", error_code: "051", error_message: "Yetersiz bakiye" },
    });
    expect(basket.pricefix.remaining).toBeGreaterThan(230);
    expect(await stockOf(GOLD_1G)).toBe(180); // released
    const active = await curl(sb.url, `/partner/ecom/basket?external_customer_id=${IND}`);
    expect(active.json.data.token).toBe(cartToken);

    const retry = await completeBasket(sb.url, {
      external_customer_id: IND,
      cart_token: cartToken,
      payment_type: "creditcard",
      return_url: returnUrl,
    });
    expect(retry.status).toBe(200);
    expect(retry.json.data.payment).toMatchObject({ state: "new", error_code: null });
    expect(retry.json.data.payment.token).not.toBe(payToken);
    expect((await curl(sb.url, `/pay/${payToken}`, browser)).status).toBe(404);
  });

  it("validates the callbacks and expires the page after 15 minutes", async () => {
    const { cartToken, order } = await cardOrder(sb.url, [[GOLD_1G, 1]]);
    const payToken: string = order.json.data.payment.token;
    const badCode = await curl(sb.url, `/pay/${payToken}/callback/fail?reason=x&code=05a`, browser);
    expect(badCode.status).toBe(400);
    const longReason = await curl(
      sb.url,
      `/pay/${payToken}/callback/fail?reason=${"a".repeat(201)}&code=051`,
      browser,
    );
    expect(longReason.status).toBe(400);
    expect((await getOrder(sb.url, IND, cartToken)).json.data.payment.state).toBe("new");

    await control(sb.url, "POST", "/clock", { advance: 901 });
    // Nobody answered the page: it says it expired rather than sending the browser anywhere.
    const gone = await curl(sb.url, `/pay/${payToken}`, browser);
    expect(gone.status).toBe(410);
    expect(gone.headers.location).toBeUndefined();
    expect(gone.text).toContain("Bu ödeme sayfası artık geçerli değil");
    expect(gone.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    const basket = (await getOrder(sb.url, IND, cartToken)).json.data;
    expect(basket).toMatchObject({
      order_creation_status: "basket",
      payment: { state: "failed", error_code: "timeout" },
    });

    const unknown = await curl(sb.url, `/pay/${"z".repeat(128)}`, browser);
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain("Ödeme sayfası bulunamadı");
  });
});
