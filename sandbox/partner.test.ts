import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { exampleData, responseExamples } from "../minted/examples.ts";
import { upstreamInvoiceSchema } from "../minted/schemas/invoice.ts";
import type { RunningSandbox } from "./server.ts";
import { control, curl, startTestSandbox, type CurlResult } from "./test-support.ts";

/** Minted's documented Get Order Invoice example (api-38613148). */
function documentedInvoice() {
  const [example] = responseExamples("orderInvoice");
  if (!example) throw new Error("no documented orderInvoice example");
  return upstreamInvoiceSchema.parse(exampleData(example));
}

const DEMO = "DEMO-IND-001";
const DEMO_CUSTOMER = {
  external_id: DEMO,
  identity_number: "10000000146",
  firstname: "Ayşe",
  lastname: "Yılmaz",
  email: "ayse.yilmaz@example.com",
  phone: "+905321112233",
};

function newCustomer(externalId: string, identity = "12345678950") {
  return {
    external_id: externalId,
    firstname: "Mehmet",
    middlename: "",
    lastname: "Gülbilge",
    fullname: "Mehmet Gülbilge",
    email: "mehmet@example.com",
    phone: "+905322808035",
    gender: "M",
    identity_number: identity,
    birthdate: "1970-01-31",
  };
}

const PRICEFIX_KEYS = [
  "token",
  "total",
  "expires_at",
  "expire_ttl",
  "is_total_price",
  "prices",
  "currency",
];
const PRICE_KEYS = [
  "currency_id",
  "product_id",
  "spot_price",
  "buy_price",
  "sell_price",
  "buy_amount",
  "sku",
];
const ORDER_KEYS = [
  "guid",
  "order_code",
  "external_id",
  "type",
  "price",
  "tax",
  "total",
  "payment_cost",
  "currency_code",
  "status_name",
  "items",
  "customer",
  "payment_type",
  "payment",
  "delivery",
  "address",
  "description",
  "order_at",
];
const ITEM_KEYS = [
  "sku",
  "product_id",
  "product_name",
  "spot_price",
  "price",
  "tax_rate",
  "tax",
  "amount",
  "total",
];
const CUSTOMER_KEYS = [
  "external_id",
  "firstname",
  "middlename",
  "lastname",
  "fullname",
  "email",
  "phone",
  "gender",
  "identity_number",
  "birthdate",
];
const BALANCE_KEYS = [
  "customer_external_id",
  "name",
  "currency_id",
  "currency_symbol",
  "currency_code",
  "is_cash",
  "balance",
  "blocked",
  "real_balance",
  "soft_blocked_amount",
  "stats",
  "prices",
];

describe("Partner API", () => {
  let sb: RunningSandbox;
  let seq = 0;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    curl(sb.url, path, { method: "POST", body, headers });
  const get = (path: string) => curl(sb.url, path);
  const fix = async (body: Record<string, unknown> = {}) => {
    const res = await post("/partner/pricefix", {
      type: "digital",
      customer_external_id: DEMO,
      currency: "TRY",
      ...body,
    });
    expect(res.status).toBe(200);
    const data: { token: string } = res.json.data;
    return data;
  };
  const externalId = () => `ORD-${String(++seq)}-${String(Date.now())}`;
  /** Fix prices (`fixBody` over the defaults), then place a digital order with the token. */
  const placeOrder = async (
    side: "buy" | "sell",
    body: Record<string, unknown>,
    fixBody: Record<string, unknown> = {},
  ): Promise<CurlResult> => {
    const { token } = await fix(fixBody);
    return post(`/partner/order/digital/${side}`, {
      price_token: token,
      external_id: externalId(),
      ...body,
    });
  };
  const buy = (items: unknown[], extra: Record<string, unknown> = {}) =>
    placeOrder("buy", { currency_code: "TRY", customer: DEMO_CUSTOMER, items, ...extra });
  const balanceOf = async (customer: string, code: string): Promise<number> => {
    const res = await get(`/partner/balance/customer/${customer}`);
    const lines: { currency_code: string; balance: number }[] = res.json.data;
    return lines.find((l) => l.currency_code === code)?.balance ?? NaN;
  };

  beforeAll(async () => {
    sb = await startTestSandbox();
  });
  afterAll(async () => {
    await sb.close();
  });
  beforeEach(async () => {
    await control(sb.url, "POST", "/reset");
    await control(sb.url, "PUT", "/prices", {
      GAU: { bid: 4000, ask: 4100 },
      GBP: { bid: 50, ask: 50 },
    });
  });

  describe("POST /partner/pricefix", () => {
    it("fixes the six digital prices from amount", async () => {
      const res = await post("/partner/pricefix", {
        type: "digital",
        customer_external_id: DEMO,
        currency: "TRY",
      });
      expect(res.status).toBe(200);
      const data = res.json.data;
      expect(Object.keys(data)).toEqual(PRICEFIX_KEYS);
      expect(data.token).toMatch(/^[A-Za-z0-9]{32}$/);
      expect(data).toMatchObject({
        total: null,
        expire_ttl: 240,
        is_total_price: false,
        currency: "TRY",
      });
      expect(data.expires_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
      expect(data.prices.map((p: { sku: string }) => p.sku)).toEqual([
        "GAU",
        "GAG",
        "BGAU",
        "BGAG",
        "GPT",
        "GPD",
      ]);
      for (const p of data.prices) {
        expect(Object.keys(p)).toEqual(PRICE_KEYS);
        expect(p.buy_amount).toBeNull();
      }
      expect(data.prices[0]).toMatchObject({
        currency_id: 1000004,
        product_id: 3000001,
        spot_price: 4050,
        buy_price: 4100,
        sell_price: 4000,
      });
      expect(data.prices[2]).toMatchObject({
        currency_id: 1000015,
        product_id: 3000088,
        buy_price: 4100,
      });
    });

    it("defaults to GBP and converts from TRY", async () => {
      const res = await post("/partner/pricefix", { type: "digital" });
      expect(res.status).toBe(200);
      expect(res.json.data.currency).toBe("GBP");
      expect(res.json.data.prices[0]).toMatchObject({
        buy_price: 82,
        sell_price: 80,
        spot_price: 81,
      });
    });

    it("fixes from a total: buy_amount is what the total buys", async () => {
      const data = (
        await post("/partner/pricefix", {
          type: "digital",
          customer_external_id: DEMO,
          currency: "TRY",
          total: 10000,
        })
      ).json.data;
      expect(data).toMatchObject({ total: 10000, is_total_price: true });
      expect(data.prices[0].buy_amount).toBe(2.439);
      for (const p of data.prices) expect(p.buy_amount).toBeCloseTo(10000 / p.buy_price, 4);
    });

    it("validates the body", async () => {
      const noCustomer = await post("/partner/pricefix", { type: "digital", total: 100 });
      expect(noCustomer.status).toBe(422);
      expect(noCustomer.json).toMatchObject({ success: false, code: 422 });
      expect(noCustomer.json.errors.customer_external_id).toHaveLength(1);
      const noType = await post("/partner/pricefix", {});
      expect(noType.status).toBe(422);
      expect(Object.keys(noType.json.errors)).toEqual(["type"]);
      const badTotal = await post("/partner/pricefix", {
        type: "digital",
        customer_external_id: DEMO,
        total: -5,
      });
      expect(badTotal.json.errors.total).toBeDefined();
      const badCurrency = await post("/partner/pricefix", { type: "digital", currency: "AED" });
      expect(badCurrency.json.errors.currency).toBeDefined();
    });
  });

  describe("POST /partner/order/digital/buy", () => {
    it("buys for an existing customer and credits the metal wallet", async () => {
      const res = await buy([{ sku: "GAU", amount: 1.5 }]);
      expect(res.status).toBe(200);
      const data = res.json.data;
      expect(Object.keys(data)).toEqual([
        "order_code",
        "guid",
        "price",
        "tax",
        "total",
        "order_at",
        "orders",
      ]);
      expect(data.order_code[0]).toMatch(/^[A-Z0-9]{8}$/);
      expect(data.guid[0]).toMatch(/^[0-9A-F-]{36}$/);
      expect(data).toMatchObject({ price: 6150, tax: 0, total: 6150 });
      expect(data.order_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      const order = data.orders[0];
      // The Buy example (api-3769742) adds the currency conversion to the order it creates.
      expect(Object.keys(order)).toEqual([...ORDER_KEYS, "currency_rate", "currency_total"]);
      expect(order).toMatchObject({ currency_rate: 1, currency_total: 6150 });
      expect(Object.keys(order.items[0])).toEqual(ITEM_KEYS);
      expect(Object.keys(order.customer)).toEqual(CUSTOMER_KEYS);
      expect(order).toMatchObject({
        type: "Buy",
        status_name: "Completed",
        payment_type: "cash",
        payment: null,
        currency_code: "TRY",
        description: "1.5gr - #GAU",
        payment_cost: 0,
      });
      expect(order.order_at).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
      expect(order.items[0]).toMatchObject({
        sku: "GAU",
        product_id: 3000001,
        spot_price: 4050,
        price: 4100,
        amount: 1.5,
        total: 6150,
        tax_rate: 0,
      });
      expect(await balanceOf(DEMO, "GAU")).toBe(14);
    });

    it("creates an unknown customer from the customer object", async () => {
      const res = await placeOrder(
        "buy",
        {
          customer: { ...newCustomer("NEW-1"), birthdate: "31-12-1990" },
          items: [{ sku: "BGAU", amount: 0.1 }],
          // A new customer has no cash yet: the buy is paid by card.
          payment_type: "creditcard",
          payment: {
            card_token: "token_HYAQA0171343asd",
            card_cvv: "000",
            customer_ip: "127.0.0.1",
          },
        },
        { customer_external_id: "NEW-1" },
      );
      expect(res.status).toBe(200);
      expect(res.json.data.orders[0].customer).toMatchObject({
        external_id: "NEW-1",
        fullname: "Mehmet Gülbilge",
        birthdate: "1990-12-31",
      });
      const customer = await get("/partner/customer/NEW-1");
      expect(customer.status).toBe(200);
      expect(await balanceOf("NEW-1", "GAU")).toBe(0.1);
    });

    it("refuses a new customer with an invalid TCKN", async () => {
      const res = await placeOrder(
        "buy",
        { customer: newCustomer("NEW-2", "12345677938"), items: [{ sku: "GAU", amount: 1 }] },
        { customer_external_id: "NEW-2" },
      );
      expect(res.status).toBe(422);
      expect(res.json.message).toBe("Parameter Error (New Customer)");
      expect(res.json.errors["customer.identity_number"]).toHaveLength(1);
      expect((await get("/partner/customer/NEW-2")).status).toBe(404);
    });

    it("requires an existing customer's identity to match", async () => {
      const res = await buy([{ sku: "GAU", amount: 1 }], {
        customer: { ...DEMO_CUSTOMER, identity_number: "12345678950" },
      });
      expect(res.status).toBe(422);
      expect(res.json.errors["customer.identity_number"]).toBeDefined();
    });

    it("rejects an expired price token", async () => {
      const { token } = await fix();
      await control(sb.url, "POST", "/clock", { advance: 241 });
      const res = await post("/partner/order/digital/buy", {
        price_token: token,
        external_id: externalId(),
        customer: DEMO_CUSTOMER,
        items: [{ sku: "GAU", amount: 1 }],
      });
      expect(res.status).toBe(422);
      expect(res.json.errors.price_token).toHaveLength(1);
    });

    it("rejects a duplicate external_id", async () => {
      const id = externalId();
      expect((await buy([{ sku: "GAU", amount: 1 }], { external_id: id })).status).toBe(200);
      const { token } = await fix();
      const again = await post(
        "/partner/order/digital/buy",
        {
          price_token: token,
          external_id: id,
          customer: DEMO_CUSTOMER,
          items: [{ sku: "GAU", amount: 1 }],
        },
        { "Accept-Language": "en" },
      );
      expect(again.status).toBe(422);
      expect(again.json.errors.external_id[0]).toContain("has already been taken");
    });

    it("validates currency, sku and amount against the fix", async () => {
      const currency = await buy([{ sku: "GAU", amount: 1 }], { currency_code: "USD" });
      expect(currency.json.errors.currency_code).toBeDefined();
      const sku = await buy([
        { sku: "GAU", amount: 1 },
        { sku: "XAU", amount: 1 },
      ]);
      expect(sku.json.errors["items.1.sku"]).toBeDefined();
      const palladium = await buy([{ sku: "GPD", amount: 1 }]);
      expect(palladium.json.errors["items.0.sku"]).toBeDefined();
      const decimals = await buy([{ sku: "GAU", amount: 1.23456 }]);
      expect(decimals.json.errors["items.0.amount"]).toBeDefined();
      const zero = await buy([{ sku: "GAU", amount: 0 }]);
      expect(zero.json.errors["items.0.amount"]).toBeDefined();
      const missing = await buy([{ sku: "GAU" }]);
      expect(missing.json.errors["items.0.amount"]).toBeDefined();
      expect(await balanceOf(DEMO, "GAU")).toBe(12.5);
    });

    it("buys the fix's buy_amount for a total-price fix", async () => {
      const res = await placeOrder(
        "buy",
        { customer: DEMO_CUSTOMER, items: [{ sku: "GAU" }] },
        { total: 10000 },
      );
      expect(res.status).toBe(200);
      expect(res.json.data.total).toBe(10000);
      expect(res.json.data.orders[0].items[0].amount).toBe(2.439);
      expect(await balanceOf(DEMO, "GAU")).toBe(14.939);
    });

    it("pays by card token without echoing the token", async () => {
      const res = await buy([{ sku: "GAU", amount: 1 }], {
        payment_type: "creditcard",
        payment: { card_token: "token_HYAQA0171343asd", card_cvv: "000", customer_ip: "127.0.0.1" },
      });
      expect(res.status).toBe(200);
      expect(res.text).not.toContain("token_HYAQA0171343asd");
      const order = res.json.data.orders[0];
      expect(order.payment_type).toBe("credit-card");
      expect(order.payment).toMatchObject({
        state: "success",
        amount: 4100,
        total: 4100,
        comission: 0,
      });
      expect(order.payment.details.card_number).toMatch(/^\d{6}\*{6}\d{4}$/);
      expect(order.payment.details.customer_ip).toBe("127.0.0.1");
      expect(res.json.data.payment.state).toBe("success");
      const missing = await buy([{ sku: "GAU", amount: 1 }], { payment_type: "creditcard" });
      expect(missing.json.errors.payment).toBeDefined();
    });
  });

  describe("POST /partner/order/digital/sell", () => {
    it("sells metal at the bid and credits TRY", async () => {
      const res = await placeOrder("sell", {
        currency_code: "TRY",
        items: [{ sku: "GAU", amount: 2 }],
      });
      expect(res.status).toBe(200);
      expect(res.json.data).toMatchObject({ price: 8000, total: 8000 });
      expect(res.json.data.orders[0]).toMatchObject({ type: "Sell", description: "2gr - #GAU" });
      expect(await balanceOf(DEMO, "GAU")).toBe(10.5);
      expect(await balanceOf(DEMO, "TRY")).toBe(258000);
    });

    it("converts proceeds of a GBP order to TRY", async () => {
      const res = await placeOrder(
        "sell",
        { customer: { external_id: DEMO }, items: [{ sku: "GAU", amount: 1 }] },
        { currency: "GBP" },
      );
      expect(res.json.data.orders[0]).toMatchObject({ currency_code: "GBP", total: 80 });
      expect(await balanceOf(DEMO, "TRY")).toBe(254000);
    });

    it("refuses to sell more than held", async () => {
      const res = await placeOrder("sell", { items: [{ sku: "GAU", amount: 12.5001 }] });
      expect(res.status).toBe(422);
      expect(res.json.errors["items.0.amount"]).toHaveLength(1);
      expect(await balanceOf(DEMO, "GAU")).toBe(12.5);
    });

    it("needs a known customer", async () => {
      const res = await placeOrder(
        "sell",
        { currency_code: "TRY", items: [{ sku: "GAU", amount: 1 }] },
        { customer_external_id: undefined },
      );
      expect(res.status).toBe(422);
      expect(res.json.errors["customer.external_id"]).toBeDefined();
    });
  });

  describe("orders, invoice, balance, statuses", () => {
    it("gets an order by external id, order code or guid, and by POST", async () => {
      const id = externalId();
      const created = (await buy([{ sku: "GAU", amount: 1.5 }], { external_id: id })).json.data;
      const code: string = created.order_code[0];
      const guid: string = created.guid[0];
      for (const key of [id, code, guid]) {
        const res = await get(`/partner/order/${key}`);
        expect(res.status).toBe(200);
        expect(Object.keys(res.json.data)).toEqual(ORDER_KEYS);
        const { currency_rate, currency_total } = created.orders[0];
        expect({ ...res.json.data, currency_rate, currency_total }).toEqual(created.orders[0]);
      }
      for (const body of [{ guid, push_hook: true }, { order_code: code }, { external_id: id }]) {
        const res = await post("/partner/order", body);
        expect(res.status).toBe(200);
        expect(res.json.data.order_code).toBe(code);
      }
      const none = await post("/partner/order", { push_hook: true });
      expect(none.status).toBe(422);
      expect(none.json.errors.guid).toBeDefined();
      expect((await post("/partner/order", { order_code: "NOPE1234" })).status).toBe(404);
      expect((await get("/partner/order/NOPE1234")).status).toBe(404);
    });

    it("renders the invoice of a digital gold buy in the documented shape, with VAT 0", async () => {
      const id = externalId();
      await buy([{ sku: "GAU", amount: 1.5 }], { external_id: id });
      const res = await get(`/partner/order/${id}/invoice`);
      expect(res.status).toBe(200);
      const inv = res.json.data;
      // Exactly the keys of Minted's example (api-38613148), at every level.
      const example = documentedInvoice();
      expect(Object.keys(inv)).toEqual(Object.keys(example));
      expect(Object.keys(inv.items[0])).toEqual(Object.keys(example.items[0] ?? {}));
      expect(Object.keys(inv.customer)).toEqual(Object.keys(example.customer ?? {}));
      expect(inv).toMatchObject({
        external_id: id,
        channel: "partner",
        tx_type: "oneoffpurchase",
        price_token: null,
        price: 6150,
        tax: 0,
        total: 6150,
        currency_rate: null,
        currency_total: 0,
        status_id: 5,
        status_name: "Completed",
      });
      expect(inv.items[0]).toEqual({
        product_id: 3000001,
        product_name: "Altın - Dijital saklama",
        product_weight: 1,
        spot_price: expect.any(Number) as number,
        price: 4100,
        tax_rate: 0,
        tax: 0,
        amount: 1.5,
        total: 6150,
        currency_id: null,
        currency_rate: null,
        currency_total: 0,
      });
      expect(inv.customer).toMatchObject({
        external_id: DEMO,
        identity_number: "10000000146",
      });
      expect((await get("/partner/order/NOPE/invoice")).status).toBe(404);
    });

    it("refuses a cash buy larger than the TRY balance, and debits the balance for one that fits", async () => {
      const tooBig = await buy([{ sku: "GAU", amount: 100 }]);
      expect(tooBig.status).toBe(422);
      expect(tooBig.json.errors.balance).toHaveLength(1);
      expect(await balanceOf(DEMO, "TRY")).toBe(250000);
      const res = await buy([{ sku: "GAU", amount: 1.5 }]);
      expect(res.status).toBe(200);
      expect(await balanceOf(DEMO, "TRY")).toBe(250000 - res.json.data.total);
    });

    it("lists the customer balance after a buy", async () => {
      const bought = await buy([{ sku: "GAG", amount: 10.25 }]);
      const res = await get(`/partner/balance/customer/${DEMO}`);
      expect(res.status).toBe(200);
      const lines = res.json.data;
      expect(lines.map((l: { currency_code: string }) => l.currency_code)).toEqual([
        "TRY",
        "GAU",
        "GAG",
        "GPT",
      ]);
      for (const l of lines) expect(Object.keys(l)).toEqual(BALANCE_KEYS);
      expect(lines[0]).toMatchObject({
        is_cash: true,
        // A buy without a card is paid from the cash line.
        balance: Math.round((250000 - bought.json.data.total) * 100) / 100,
        prices: { bid: 1, ask: 1, currency: "TRY" },
      });
      expect(lines[1]).toMatchObject({
        currency_symbol: "gr",
        prices: { bid: 4000, ask: 4100, currency: "TRY" },
      });
      expect(lines[2]).toMatchObject({
        balance: 360.25,
        real_balance: 360.25,
        stats: { bought: 360.25, sold: 0 },
      });
      expect((await get("/partner/balance/customer/NOBODY")).status).toBe(404);
    });

    it("lists the order statuses", async () => {
      const res = await get("/partner/order/statuses");
      expect(res.status).toBe(200);
      expect(res.json.data).toHaveLength(12);
      expect(res.json.data[0]).toEqual({ id: 1, name: "Created" });
      expect(res.json.data[4]).toEqual({ id: 5, name: "Completed" });
    });
  });
});
