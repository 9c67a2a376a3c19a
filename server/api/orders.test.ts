import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startTestProxy, type TestProxy } from "../test-support.ts";
import { acceptLegalDocuments, apiClient, type ApiClient } from "./api-test-client.ts";
import { saveCheckoutRecord } from "./checkout-records.ts";
import { completeCashOrder, upstreamRequests } from "./test-fixtures.ts";
import { controlClient } from "../../sandbox/control-client.ts";

let proxy: TestProxy;
let code: string;
let individual: string;
let corporate: string;

beforeAll(async () => {
  proxy = await startTestProxy();
  code = await completeCashOrder(proxy.sandbox.url, { qty: 2 });
  individual = await proxy.cookieFor("DEMO-IND-001");
  corporate = await proxy.cookieFor("DEMO-CORP-001");
});
afterAll(() => proxy.close());

const get = (path: string, cookie: string) =>
  proxy.app.request(path, { headers: { cookie, "accept-language": "en" } });

async function json(path: string, cookie: string, status = 200) {
  const res = await get(path, cookie);
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(text).not.toContain(proxy.sandbox.url);
  return JSON.parse(text);
}

const lookup = (body: unknown) =>
  proxy.app.request("/api/receipts/lookup", {
    method: "POST",
    headers: {
      origin: "http://shop.test",
      "content-type": "application/json",
      "accept-language": "en",
    },
    body: JSON.stringify(body),
  });

const ordersCalls = async () =>
  (await upstreamRequests(proxy.sandbox.url, "/partner/ecom/orders")).length;

describe("orders", () => {
  it("lists the customer's orders, newest first", async () => {
    const second = await completeCashOrder(proxy.sandbox.url, { sku: "MNTSB00050" });
    const body = await json("/api/orders", individual);
    expect(body.items.map((o: { code: string }) => o.code)).toEqual([second, code]);
    expect(body.items[1]).toMatchObject({
      code,
      status: "payment_confirmed",
      currency: "TRY",
      itemCount: 1,
      items: [{ sku: "MNTGB00010", quantity: 2, image: "/api/images/MNTGB00010/1" }],
    });
    expect(body.pageInfo).toEqual({ page: 1, pageSize: 10, total: 2, totalPages: 1 });
    expect((await json("/api/orders", corporate)).items).toEqual([]);

    // Order dates are Istanbul dates (UTC+3): after 21:00 UTC "today" there is already tomorrow.
    const today = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10);
    const filtered = await json(
      `/api/orders?status=payment_confirmed,shipped&from=2020-01-01&to=${today}`,
      individual,
    );
    expect(filtered.items).toHaveLength(2);
    expect((await json("/api/orders?status=shipped", individual)).items).toEqual([]);
  });

  it("order detail: timeline, fee lines, totals, masked TCKN, payment", async () => {
    const body = await json(`/api/orders/${code}`, individual);
    expect(body.code).toBe(code);
    expect(body.status).toBe("payment_confirmed");
    expect(body.timeline.map((e: { status: string; done: boolean }) => [e.status, e.done])).toEqual(
      [
        ["created", true],
        ["payment_confirmed", true],
        ["preparing", false],
        ["packed", false],
        ["shipped", false],
        ["completed", false],
      ],
    );
    expect(body.timeline[0].at).toBe(body.orderedAt);
    const kinds = body.fees.map((f: { kind: string }) => f.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(["insurance", "market_commission", "minted_markup"]),
    );
    expect(body.fees.find((f: { kind: string }) => f.kind === "minted_markup").included).toBe(true);
    const totals: { subtotal: number; vat: number; fees: number; total: number } = body.totals;
    expect(totals.total).toBeCloseTo(totals.subtotal + totals.vat + totals.fees, 2);
    expect(body.shippingAddress.taxNumberMasked).toBe("*********46");
    expect(body.billingAddress).toMatchObject({ city: "Ankara", taxNumberMasked: "*********46" });
    expect(JSON.stringify(body)).not.toContain("10000000146");
    expect(body.payment).toEqual({
      method: "wallet",
      state: "paid",
      cardMasked: null,
      cardBrand: null,
    });
    expect(body.items[0]).toMatchObject({ sku: "MNTGB00010", quantity: 2, vatRate: 0 });
  });

  it("shows cargo tracking once shipped", async () => {
    await controlClient(proxy.sandbox.url).clock.advance(3 * 3600);
    const body = await json(`/api/orders/${code}`, individual);
    expect(body.status).toBe("shipped");
    expect(body.delivery.trackingNumber).toMatch(/^YK\d{10}$/);
    expect(body.delivery.trackingUrl).toContain(body.delivery.trackingNumber);
    expect(body.delivery.estimatedArrival).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("invoice carries the full TCKN; receipt is masked", async () => {
    const invoice = await json(`/api/orders/${code}/invoice`, individual);
    expect(invoice).toMatchObject({
      orderCode: code,
      currency: "TRY",
      buyer: { identityNumber: "10000000146", name: "Ayşe Yılmaz", invoiceType: "individual" },
      // No INVOICE_SELLER_* in tests: the sample seller, said to be one.
      seller: { taxNumber: "6220000007", sample: true },
    });
    // Minted's invoice has no number: none is made up.
    expect(invoice).not.toHaveProperty("invoiceNumber");
    expect(invoice.items[0]).toMatchObject({ quantity: 2, weightGrams: 1, vatRate: 0 });

    const receipt = await json(`/api/orders/${code}/receipt`, individual);
    expect(receipt).toMatchObject({ orderCode: code, currency: "TRY" });
    // The order's date, fee names and VAT are the receipt's.
    expect(invoice.orderedAt).toBe(receipt.orderedAt);
    expect(invoice.fees).toEqual(receipt.fees);
    expect(invoice.totals.vat).toBe(receipt.totals.vat);
    expect(invoice.paidTotal).toBe(receipt.totals.total);
    expect(receipt.paidAmount).toBe(receipt.totals.total);
    expect(JSON.stringify(receipt)).not.toContain("10000000146");
  });

  it("someone else's order is 404 on detail, invoice and receipt", async () => {
    for (const path of [
      `/api/orders/${code}`,
      `/api/orders/${code}/invoice`,
      `/api/orders/${code}/receipt`,
    ]) {
      const body = await json(path, corporate, 404);
      expect(body.code).toBe("not_found");
    }
    expect((await json("/api/orders/MC_0000000000000", individual, 404)).code).toBe("not_found");
  });

  it("needs a customer session", async () => {
    const res = await proxy.app.request("/api/orders");
    expect(res.status).toBe(401);
  });

  it("answers 400 for bad query input without calling upstream", async () => {
    const before = await ordersCalls();
    for (const q of [
      "status=lost",
      "from=2024-13-01",
      "from=2024-05-02&to=2024-05-01",
      "page=0",
      "pageSize=100",
    ]) {
      const body = await json(`/api/orders?${q}`, individual, 400);
      expect(body.code).toBe("validation_failed");
    }
    const reversed = await json("/api/orders?from=2024-05-02&to=2024-05-01", individual, 400);
    expect(reversed.errors["query.to"]).toEqual([
      "The end date must not be before the start date.",
    ]);
    expect((await json("/api/orders/bad%20code!", individual, 400)).code).toBe("validation_failed");
    expect(await ordersCalls()).toBe(before);
  });

  it("a 503 upstream is retried twice, then answered 503 upstream_unavailable", async () => {
    await controlClient(proxy.sandbox.url).requests.clear();
    await controlClient(proxy.sandbox.url).faults.add({
      method: "GET",
      path: "/partner/ecom/orders",
      status: 503,
    });
    const body = await json("/api/orders", individual, 503);
    expect(body.code).toBe("upstream_unavailable");
    const calls = await upstreamRequests(proxy.sandbox.url, "/partner/ecom/orders");
    expect(calls.filter((r) => r.status === 503)).toHaveLength(3);
    await controlClient(proxy.sandbox.url).faults.clear();
  });

  describe("receipt lookup", () => {
    it("finds the receipt by code and e-mail, case-insensitively", async () => {
      const res = await lookup({ orderCode: code, email: "AYSE.Yilmaz@Example.com" });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.orderCode).toBe(code);
      expect(body.billingAddress.taxNumberMasked).toBe("*********46");
    });

    it("a wrong e-mail and a wrong code give the same 404", async () => {
      const wrongEmail = await lookup({ orderCode: code, email: "someone@example.com" });
      const wrongCode = await lookup({
        orderCode: "MC_FFFFFFFFFFFFF",
        email: "ayse.yilmaz@example.com",
      });
      expect(wrongEmail.status).toBe(404);
      expect(wrongCode.status).toBe(404);
      expect(await wrongEmail.text()).toBe(await wrongCode.text());
    });

    it("validates the body (422) and limits tries per IP (429 after 10)", async () => {
      const bad = await lookup({ orderCode: code, email: "not-an-email" });
      expect(bad.status).toBe(422);
      // Three lookups above; seven more are allowed in the window.
      for (let i = 0; i < 7; i++)
        expect((await lookup({ orderCode: code, email: "x@example.com" })).status).toBe(404);
      const limited = await lookup({ orderCode: code, email: "ayse.yilmaz@example.com" });
      expect(limited.status).toBe(429);
      expect((await limited.json()).code).toBe("rate_limited");
    });
  });
});

describe("receipt of a checkout made in this shop", () => {
  /** Basket → saved addresses → legal → quote → complete, as the shop does it. */
  async function checkout(
    api: ApiClient,
    payment: { paymentType: "wallet" } | { paymentType: "card"; installments: 1 | 3 | 6 },
  ) {
    const add = await api.call("POST", "/api/basket/items", { sku: "MNTGB00010", quantity: 1 });
    expect(add.status, add.text).toBe(200);
    const set = await api.call("PUT", "/api/checkout/addresses", {
      shippingAddressId: 1931,
      billingAddressId: 1932,
    });
    expect(set.status, set.text).toBe(200);
    const { acceptances, legalAcceptances } = await acceptLegalDocuments(api);
    const quote = z
      .object({ quoteId: z.string() })
      .parse((await api.call("GET", "/api/checkout/quote")).json);
    const done = await api.call(
      "POST",
      "/api/checkout/complete",
      { quoteId: quote.quoteId, legalAcceptances, ...payment },
      { "idempotency-key": `receipt-test-${crypto.randomUUID()}` },
    );
    expect(done.status, done.text).toBe(200);
    const result = z
      .object({ orderCode: z.string(), payment: z.object({ redirectUrl: z.string().optional() }) })
      .parse(done.json);
    return { ...result, legalAcceptances: acceptances };
  }

  it("carries the legal acceptances kept at completion (wallet: no instalments)", async () => {
    const api = await apiClient(proxy, "DEMO-IND-001");
    const { orderCode, legalAcceptances } = await checkout(api, { paymentType: "wallet" });
    const receipt = await json(`/api/orders/${orderCode}/receipt`, individual);
    expect(receipt.legalAcceptances).toEqual(legalAcceptances);
    expect(receipt.legalAcceptances.map((a: { type: string }) => a.type)).toEqual([
      "pre_information",
      "distance_sales",
    ]);
    expect(receipt.payment).toEqual({
      method: "wallet",
      state: "paid",
      cardMasked: null,
      cardBrand: null,
      installments: null,
    });
    expect(receipt.paidAmount).toBe(receipt.totals.total);

    // Ownership is the session's: the other customer gets the same 404 as for an unknown code.
    expect((await json(`/api/orders/${orderCode}/receipt`, corporate, 404)).code).toBe("not_found");

    // The receipt found by code and e-mail is the same receipt. From another client address (the
    // look-ups above used this file's budget): a socket of its own, as Node's server passes it.
    const found = await proxy.app.request(
      "/api/receipts/lookup",
      {
        method: "POST",
        headers: { origin: "http://shop.test", "content-type": "application/json" },
        body: JSON.stringify({ orderCode, email: "ayse.yilmaz@example.com" }),
      },
      { incoming: { socket: { remoteAddress: "203.0.113.77" } } },
    );
    expect(found.status).toBe(200);
    expect((await found.json()).legalAcceptances).toEqual(legalAcceptances);
  });

  it("card: pending until the bank approves, then paid with the masked card and instalments", async () => {
    const api = await apiClient(proxy, "DEMO-IND-001");
    const { orderCode, payment, legalAcceptances } = await checkout(api, {
      paymentType: "card",
      installments: 3,
    });
    const pending = await json(`/api/orders/${orderCode}/receipt`, individual);
    expect(pending.status).toBe("created");
    expect(pending.payment).toMatchObject({ method: "card", state: "pending", installments: 3 });
    expect(pending.paidAmount).toBe(0);

    const back = await fetch(`${String(payment.redirectUrl)}/callback/success?code=123456`, {
      redirect: "manual",
    });
    expect(back.status).toBe(302);

    const paid = await json(`/api/orders/${orderCode}/receipt`, individual);
    expect(paid.status).toBe("payment_confirmed");
    expect(paid.payment).toEqual({
      method: "card",
      state: "paid",
      cardMasked: "**** **** **** 4321",
      cardBrand: "Visa",
      installments: 3,
    });
    expect(paid.fees.map((f: { kind: string }) => f.kind)).toContain("payment_cost");
    expect(paid.paidAmount).toBe(paid.totals.total);
    expect(paid.legalAcceptances).toEqual(legalAcceptances);
  });

  it("an order made elsewhere has no acceptances and no known instalments", async () => {
    const receipt = await json(`/api/orders/${code}/receipt`, individual);
    expect(receipt.legalAcceptances).toEqual([]);
    expect(receipt.payment.installments).toBeNull();
  });

  it("a record of another customer under the same code is never shown", async () => {
    const elsewhere = await completeCashOrder(proxy.sandbox.url);
    await saveCheckoutRecord(proxy.deps.store, elsewhere, {
      customer: "DEMO-CORP-001",
      cartToken: "not-this-one",
      paymentType: "card",
      installments: 6,
      legalAcceptances: [
        { type: "distance_sales", version: "1999.1", acceptedAt: "2026-01-01T00:00:00.000Z" },
      ],
      savedAt: "2026-01-01T00:00:00.000Z",
    });
    const receipt = await json(`/api/orders/${elsewhere}/receipt`, individual);
    expect(receipt.legalAcceptances).toEqual([]);
    expect(receipt.payment.installments).toBeNull();
  });
});
