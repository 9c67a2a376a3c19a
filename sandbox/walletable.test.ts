import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Candle } from "./domain/prices.ts";
import type { RunningSandbox } from "./server.ts";
import { control, curl, startTestSandbox, type CurlResult } from "./test-support.ts";

const DEMO = "DEMO-IND-001";
const CORP = "DEMO-CORP-001";
const SHIPPING_ID = 1931;
const CORP_ADDRESS_ID = 1933;

const BASKET_KEYS = [
  "pricefix",
  "id",
  "guid",
  "order_creation_status",
  "external_id",
  "increment_id",
  "token",
  "price_token",
  "type",
  "price",
  "tax",
  "total",
  "payment_cost",
  "paid_total",
  "delivery_cost",
  "insurance_price",
  "conversion_price",
  "market_commission",
  "minted_markup_price",
  "silver_craftsmanship",
  "charge_fee",
  "charge_fee_rate",
  "minting_fee",
  "storage_fee",
  "storage_fee_rate",
  "charges_vat",
  "vat_rate",
  "currency_code",
  "status_id",
  "status_name",
  "customer",
  "shippingaddress",
  "billingaddress",
  "payment",
  "delivery",
  "order_at",
  "items",
];
const ITEM_KEYS = [
  "item_currency_id",
  "item_currency_name",
  "product_id",
  "sku",
  "product_name",
  "product_weight",
  "price",
  "tax_rate",
  "tax",
  "amount",
  "total",
  "product_images",
  "prices",
];
const HOLDING_KEYS = [
  "productName",
  "sku",
  "images",
  "metal",
  "quantity",
  "grams",
  "value",
  "currencyCode",
  "isDeliverable",
];

describe("Walletable API", () => {
  let sb: RunningSandbox;
  const call = (method: string, path: string, body?: unknown) =>
    curl(sb.url, path, { method, body });
  const get = (path: string) => curl(sb.url, path);
  const add = (body: Record<string, unknown>) =>
    call("POST", "/partner/walletable/basket", { external_customer_id: DEMO, ...body });
  const complete = (type: string, cartToken: string, extra: Record<string, unknown> = {}) =>
    call("POST", `/partner/walletable/complete/${type}`, {
      external_customer_id: DEMO,
      cart_token: cartToken,
      ...extra,
    });
  const cash = async (): Promise<number> => {
    const lines: { currency_code: string; balance: number }[] = (
      await get(`/partner/balance/customer/${DEMO}`)
    ).json.data;
    return lines.find((l) => l.currency_code === "TRY")?.balance ?? NaN;
  };
  const holdings = async (query = ""): Promise<CurlResult> =>
    get(`/partner/walletable/balance?external_customer_id=${DEMO}${query}`);
  const expectFees = (data: Record<string, unknown>, fees: Record<string, number>) =>
    expect(data).toMatchObject(fees);

  /** The doc's buy table: 2 × 1 g bar at a fixed ask of 1092.12 → total 2184.24. */
  const docBuyBasket = async () => {
    await control(sb.url, "PUT", "/prices", { GAU: { bid: 1000, ask: 1092.12 } });
    await control(sb.url, "PUT", "/config", { walletable: { storage_limit_grams: 0 } });
    const res = await add({ type: "buy", sku: "MNTGB00010", qty: 2 });
    expect(res.status).toBe(200);
    return res.json.data;
  };
  const docSellBasket = async () => {
    await control(sb.url, "PUT", "/prices", { GAG: { bid: 27.303, ask: 28 } });
    const res = await add({ type: "sell", sku: "MNTSB00100", qty: 1 });
    expect(res.status).toBe(200);
    return res.json.data;
  };
  const docDeliveryBasket = async () => {
    await control(sb.url, "PUT", "/config", { walletable: { delivery_cost: 3 } });
    const res = await add({
      type: "delivery",
      sku: "MNTGB00100",
      qty: 1,
      shipping_address_id: SHIPPING_ID,
    });
    expect(res.status).toBe(200);
    return res.json.data;
  };

  beforeAll(async () => {
    sb = await startTestSandbox();
  });
  afterAll(async () => {
    await sb.close();
  });
  beforeEach(async () => {
    await control(sb.url, "POST", "/reset");
  });

  it("lists the physical products", async () => {
    const res = await get("/partner/walletable/products");
    expect(res.status).toBe(200);
    const list = res.json.data;
    expect(list).toHaveLength(24);
    expect(list.some((p: { sku: string }) => p.sku === "GAU")).toBe(false);
    expect(Object.keys(list[0])).toEqual([
      "id",
      "sku",
      "name",
      "metal",
      "weight",
      "purity",
      "images",
      "price",
    ]);
    expect(list[0]).toMatchObject({ sku: "MNTGB00010", metal: "gold", weight: 1, purity: 999.9 });
    expect(list[0].images[0]).toMatch(/\/cdn\/products\/MNTGB00010\/1\.svg$/);
  });

  describe("buy basket", () => {
    it("reproduces the doc's buy table to the cent", async () => {
      const data = await docBuyBasket();
      expect(Object.keys(data)).toEqual(BASKET_KEYS);
      expect(Object.keys(data.pricefix)).toEqual(["remaining", "nextUpdate", "updated", "token"]);
      expect(data.pricefix.token).toBe(data.price_token);
      expect(data.pricefix.remaining).toBeGreaterThan(235);
      expect(data.token).toHaveLength(32);
      expect(data.increment_id).toMatch(/^[1-9]\d{10}$/);
      expect(data).toMatchObject({
        order_creation_status: "basket",
        external_id: null,
        type: "buy",
        price: 2184.24,
        tax: 0,
        currency_code: "TRY",
        status_id: 1,
        status_name: "Created",
        shippingaddress: null,
        billingaddress: null,
        payment: null,
        delivery: null,
      });
      expectFees(data, {
        total: 2184.24,
        payment_cost: 0,
        paid_total: 2986.94,
        charge_fee: 218.42,
        charge_fee_rate: 10,
        minting_fee: 109.21,
        storage_fee: 436.85,
        storage_fee_rate: 20,
        charges_vat: 38.22,
        vat_rate: 5,
      });
      expect(data.customer.external_id).toBe(DEMO);
      expect(data.items).toHaveLength(2);
      for (const item of data.items) {
        expect(Object.keys(item)).toEqual(ITEM_KEYS);
        expect(item).toMatchObject({
          item_currency_id: 1000004,
          sku: "MNTGB00010",
          product_weight: 1,
          price: 1092.12,
          tax_rate: 0,
          tax: 0,
          amount: 1,
          total: 1092.12,
          prices: [{ id: 7, name: "Mint Ücreti", price: 54.61 }],
        });
      }
    });

    it("charges no storage under the default storage limit", async () => {
      await control(sb.url, "PUT", "/prices", { GAU: { bid: 1000, ask: 1092.12 } });
      const data = (await add({ type: "buy", sku: "MNTGB00010", qty: 2 })).json.data;
      expectFees(data, { storage_fee: 0, charges_vat: 16.38, paid_total: 2528.25 });
    });

    it("gets, updates, removes and empties the basket", async () => {
      expect(
        (await get(`/partner/walletable/basket?external_customer_id=${DEMO}&type=buy`)).json.data,
      ).toBeNull();
      const created = await docBuyBasket();
      const token: string = created.token;
      const active = await get(`/partner/walletable/basket?external_customer_id=${DEMO}&type=buy`);
      expect(active.json.data.token).toBe(token);
      expect(active.json.data.pricefix.updated).toBe(false);
      const again = await add({ type: "buy", sku: "MNTGB00010", qty: 1 });
      expect(again.json.data.token).toBe(token);
      expect(again.json.data.items).toHaveLength(3);
      const patched = await call("PATCH", "/partner/walletable/basket", {
        external_customer_id: DEMO,
        cart_token: token,
        sku: "MNTGB00010",
        qty: 1,
      });
      expect(patched.json.data.total).toBe(1092.12);
      await add({ cart_token: token, sku: "MNTSB00050", qty: 1 });
      const removed = await call("DELETE", "/partner/walletable/basket", {
        external_customer_id: DEMO,
        cart_token: token,
        sku: "MNTGB00010",
      });
      expect(removed.json.data.items.map((i: { sku: string }) => i.sku)).toEqual(["MNTSB00050"]);
      const emptied = await call("DELETE", "/partner/walletable/basket/empty", {
        external_customer_id: DEMO,
        cart_token: token,
      });
      expect(emptied.status).toBe(200);
      expect(emptied.json.data).toMatchObject({ items: [], total: 0, paid_total: 0 });
    });

    it("validates basket input", async () => {
      const noType = await add({ sku: "MNTGB00010", qty: 1 });
      expect(noType.json.errors.type).toBeDefined();
      const digital = await add({ type: "buy", sku: "GAU", qty: 1 });
      expect(digital.json.errors.sku).toBeDefined();
      const zero = await add({ type: "buy", sku: "MNTGB00010", qty: 0 });
      expect(zero.json.errors.qty).toBeDefined();
      const outOfStock = await add({ type: "buy", sku: "MNTSB00250", qty: 1 });
      expect(outOfStock.status).toBe(422);
      expect(outOfStock.json.errors.qty[0]).toContain("0");
      const unknown = await call("POST", "/partner/walletable/basket", {
        external_customer_id: "NOBODY",
        type: "buy",
        sku: "MNTGB00010",
        qty: 1,
      });
      expect(unknown.status).toBe(404);
      const noBasket = await call("PATCH", "/partner/walletable/basket", {
        external_customer_id: DEMO,
        cart_token: "x".repeat(32),
        sku: "MNTGB00010",
        qty: 1,
      });
      expect(noBasket.status).toBe(404);
    });

    it("forbids another customer's basket and address", async () => {
      const { token } = await docBuyBasket();
      const patch = await call("PATCH", "/partner/walletable/basket", {
        external_customer_id: CORP,
        cart_token: token,
        sku: "MNTGB00010",
        qty: 1,
      });
      expect(patch.status).toBe(403);
      expect(patch.json).toMatchObject({ success: false, code: 403 });
      const done = await complete("buy", token, { external_customer_id: CORP });
      expect(done.status).toBe(403);
      const address = await add({
        cart_token: token,
        sku: "MNTGB00010",
        qty: 1,
        shipping_address_id: CORP_ADDRESS_ID,
      });
      expect(address.status).toBe(403);
    });

    it("completes a buy from the TRY wallet", async () => {
      const basket = await docBuyBasket();
      const res = await complete("buy", basket.token);
      expect(res.status).toBe(200);
      expect(Object.keys(res.json.data)).toEqual(BASKET_KEYS);
      expect(res.json.data).toMatchObject({
        order_creation_status: "order",
        type: "buy",
        status_id: 5,
        status_name: "Completed",
        paid_total: 2986.94,
      });
      expect(await cash()).toBe(250000 - 2986.94);
      const held = (await holdings("&is_deliverable=true")).json.data;
      expect(held.find((h: { sku: string }) => h.sku === "MNTGB00010")).toMatchObject({
        quantity: 2,
        grams: 2,
      });
      expect(
        (await get(`/partner/walletable/basket?external_customer_id=${DEMO}&type=buy`)).json.data,
      ).toBeNull();
      const again = await complete("buy", basket.token);
      expect(again.status).toBe(422);
      await control(sb.url, "PUT", "/prices", { GAU: { bid: 2000, ask: 2200 } });
      const frozen = await get(`/partner/walletable/orders?orderId=${String(basket.id)}`);
      expect(frozen.json.data.data[0]).toMatchObject({ total: 2184.24, paid_total: 2986.94 });
    });

    it("refuses an expired fix, then re-fixes on the next basket call", async () => {
      const basket = await docBuyBasket();
      await control(sb.url, "POST", "/clock", { advance: 241 });
      const expired = await complete("buy", basket.token);
      expect(expired.status).toBe(422);
      expect(expired.json.errors.price_token).toBeDefined();
      const refreshed = (
        await get(`/partner/walletable/basket?external_customer_id=${DEMO}&type=buy`)
      ).json.data;
      expect(refreshed.pricefix.updated).toBe(true);
      expect(refreshed.price_token).not.toBe(basket.price_token);
      expect((await complete("buy", basket.token)).status).toBe(200);
    });

    it("refuses the wrong path type and an insufficient TRY balance", async () => {
      const basket = await docBuyBasket();
      const wrong = await complete("sell", basket.token);
      expect(wrong.status).toBe(422);
      expect(wrong.json.errors.type).toBeDefined();
      expect((await complete("gift", basket.token)).status).toBe(404);
      const big = await add({ type: "buy", sku: "MNTGB10000", qty: 1 });
      const poor = await complete("buy", big.json.data.token);
      expect(poor.status).toBe(422);
      expect(poor.json.errors.balance).toBeDefined();
    });
  });

  describe("sell basket", () => {
    it("prices rows at the bid and reproduces the doc's sell table", async () => {
      const data = await docSellBasket();
      expect(data.items).toHaveLength(1);
      expect(data.items[0]).toMatchObject({
        sku: "MNTSB00100",
        price: 2730.3,
        item_currency_id: 1000005,
      });
      expect(data.items[0].prices[0].price).toBe(0);
      expectFees(data, {
        total: 2730.3,
        charge_fee: 273.03,
        minting_fee: 0,
        storage_fee: 0,
        charges_vat: 13.65,
        paid_total: 2443.62,
      });
    });

    it("holds only what the customer holds", async () => {
      const res = await add({ type: "sell", sku: "MNTSB00100", qty: 2 });
      expect(res.status).toBe(422);
      expect(res.json.errors.qty[0]).toContain("1");
      const none = await add({ type: "sell", sku: "MNTGB00010", qty: 1 });
      expect(none.status).toBe(422);
    });

    it("completes a sell: holdings out, TRY in", async () => {
      const basket = await docSellBasket();
      const res = await complete("sell", basket.token);
      expect(res.status).toBe(200);
      expect(res.json.data).toMatchObject({ status_id: 5, type: "sell", paid_total: 2443.62 });
      expect(await cash()).toBe(250000 + 2443.62);
      const held = (await holdings()).json.data.map((h: { sku: string }) => h.sku);
      expect(held).not.toContain("MNTSB00100");
    });
  });

  describe("delivery basket", () => {
    it("costs delivery_cost plus VAT and snapshots the address", async () => {
      const data = await docDeliveryBasket();
      expectFees(data, {
        total: 3,
        delivery_cost: 3,
        charges_vat: 0.15,
        paid_total: 3.15,
        price: 0,
      });
      expect(data.items[0]).toMatchObject({ sku: "MNTGB00100", price: 0, total: 0 });
      expect(Object.keys(data.shippingaddress)).toEqual([
        "id",
        "tax_number",
        "external_id",
        "fullname",
        "phone",
        "email",
        "city",
        "county",
        "district",
        "street",
        "zipcode",
        "address",
      ]);
      expect(data.shippingaddress).toMatchObject({
        id: SHIPPING_ID,
        city: "İstanbul",
        county: "Kadıköy",
      });
    });

    it("needs an address at completion", async () => {
      const res = await add({ type: "delivery", sku: "MNTGB00100", qty: 1 });
      const done = await complete("delivery", res.json.data.token);
      expect(done.status).toBe(422);
      expect(done.json.errors.shipping_address_id).toBeDefined();
      const withAddress = await complete("delivery", res.json.data.token, {
        shipping_address_id: SHIPPING_ID,
      });
      expect(withAddress.status).toBe(200);
    });

    it("completes a delivery and progresses it on the sandbox clock", async () => {
      const basket = await docDeliveryBasket();
      const res = await complete("delivery", basket.token);
      expect(res.status).toBe(200);
      const order = res.json.data;
      expect(order).toMatchObject({
        type: "walletable_ecommerce",
        status_id: 2,
        status_name: "Pending",
        paid_total: 3.15,
        delivery: { cargo_tracking_url: null, cargo_tracking_number: null },
      });
      expect(Object.keys(order.delivery)).toEqual([
        "cargo_tracking_url",
        "cargo_tracking_number",
        "estimated_arrival_date",
      ]);
      const eta = new Date(
        Date.parse(`${String(order.delivery.estimated_arrival_date)}T12:00:00Z`),
      );
      const days = (eta.getTime() - Date.parse(String(order.order_at))) / 86_400_000;
      expect(days).toBeGreaterThan(2);
      expect(days).toBeLessThan(4);
      expect(await cash()).toBe(250000 - 3.15);
      const held = (await holdings()).json.data.find(
        (h: { sku: string }) => h.sku === "MNTGB00100",
      );
      expect(held.quantity).toBe(1);
      await control(sb.url, "POST", "/clock", { advance: 2 * 3600 + 1 });
      const shipped = (await get(`/partner/walletable/orders?orderId=${String(order.id)}`)).json
        .data.data[0];
      expect(shipped.status_name).toBe("Shipped");
      expect(shipped.delivery.cargo_tracking_number).toMatch(/^\d+$/);
      expect(shipped.delivery.cargo_tracking_url).toContain(shipped.delivery.cargo_tracking_number);
      await control(sb.url, "POST", "/clock", { advance: 48 * 3600 });
      const done = (await get(`/partner/walletable/orders?orderId=${String(order.id)}`)).json.data
        .data[0];
      expect(done.status_name).toBe("Completed");
    });
  });

  describe("orders, receipt, invoice", () => {
    const completeAll = async () => {
      const buy = await docBuyBasket();
      expect((await complete("buy", buy.token)).status).toBe(200);
      const sell = await docSellBasket();
      expect((await complete("sell", sell.token)).status).toBe(200);
      const delivery = await docDeliveryBasket();
      expect((await complete("delivery", delivery.token)).status).toBe(200);
      return { buy, sell, delivery };
    };
    const ids = (res: CurlResult) => res.json.data.data.map((o: { id: number }) => o.id);

    it("lists completed orders with filters", async () => {
      const { buy, sell, delivery } = await completeAll();
      await add({ type: "buy", sku: "MNTGB00010", qty: 1 });
      const all = await get(
        "/partner/walletable/orders?page=1&total=10&sortBy=created_at&sortType=asc",
      );
      expect(all.status).toBe(200);
      expect(Object.keys(all.json.data)).toContain("last_page_url");
      expect(all.json.data.total).toBe(3);
      expect(ids(all)).toEqual([buy.id, sell.id, delivery.id]);
      expect(ids(await get("/partner/walletable/orders?tx_type=buy"))).toEqual([buy.id]);
      expect(
        ids(await get("/partner/walletable/orders?tx_type=sell,delivery&sortType=asc")),
      ).toEqual([sell.id, delivery.id]);
      expect(ids(await get("/partner/walletable/orders?status=5&sortType=asc"))).toEqual([
        buy.id,
        sell.id,
      ]);
      expect(ids(await get("/partner/walletable/orders?status=2"))).toEqual([delivery.id]);
      expect(ids(await get("/partner/walletable/orders?sortBy=total&sortType=desc"))).toEqual([
        sell.id,
        buy.id,
        delivery.id,
      ]);
      expect(
        (await get(`/partner/walletable/orders?customer_external_id=${CORP}`)).json.data.total,
      ).toBe(0);
      expect(
        (await get("/partner/walletable/orders?startDate=2000-01-01&endDate=2000-01-02")).json.data
          .total,
      ).toBe(0);
      expect((await get("/partner/walletable/orders?tx_type=gift")).status).toBe(422);
      const paged = await get("/partner/walletable/orders?total=2&page=2");
      expect(paged.json.data).toMatchObject({
        current_page: 2,
        per_page: 2,
        last_page: 2,
        total: 3,
      });
    });

    it("renders a receipt, for the owner only", async () => {
      const { buy } = await completeAll();
      const res = await get(
        `/partner/walletable/orders/${String(buy.id)}/receipt?external_customer_id=${DEMO}`,
      );
      expect(res.status).toBe(200);
      expect(res.json.data).toMatchObject({
        order_id: buy.id,
        increment_id: buy.increment_id,
        tx_type: "buy",
        total: 2184.24,
        charge_fee: 218.42,
        minting_fee: 109.21,
        storage_fee: 436.85,
        charges_vat: 38.22,
        paid_total: 2986.94,
        currency_code: "TRY",
        payment_method: "wallet",
        shippingaddress: null,
      });
      expect(res.json.data.receipt_no).toContain(buy.increment_id);
      expect(res.json.data.items[0]).toMatchObject({
        sku: "MNTGB00010",
        quantity: 2,
        unit_price: 1092.12,
        total: 2184.24,
      });
      expect(
        (
          await get(
            `/partner/walletable/orders/${String(buy.id)}/receipt?external_customer_id=${CORP}`,
          )
        ).status,
      ).toBe(403);
      expect((await get("/partner/walletable/orders/999999/receipt")).status).toBe(404);
    });

    it("renders the invoice of a walletable order, not of a basket", async () => {
      const { buy } = await completeAll();
      const res = await get(`/partner/order/${String(buy.increment_id)}/invoice`);
      expect(res.status).toBe(200);
      const inv = res.json.data;
      // The documented shape (api-38613148): no currency code, number, date or seller.
      expect(inv).not.toHaveProperty("currency_code");
      expect(inv).not.toHaveProperty("invoice_number");
      expect(inv).toMatchObject({
        guid: buy.guid,
        channel: "walletable",
        tx_type: "buy",
        tax: 38.22,
        // What was paid: the items, the charges and their VAT.
        total: 2986.94,
        currency_rate: null,
        currency_total: 0,
      });
      const cents = (n: number) => Math.round(n * 100);
      expect(cents(inv.price) + cents(inv.tax)).toBe(cents(inv.total));
      expect(inv.items[0]).toMatchObject({
        product_id: expect.any(Number) as number,
        amount: 2,
        tax_rate: 0,
      });
      // The charges are lines without a product (inferred: the example has none).
      expect(
        inv.items.filter((i: { product_id: number | null }) => i.product_id === null),
      ).not.toHaveLength(0);
      const open = (await add({ type: "buy", sku: "MNTGB00010", qty: 1 })).json.data;
      expect((await get(`/partner/order/${String(open.increment_id)}/invoice`)).status).toBe(404);
    });
  });

  describe("balance, rates, history", () => {
    it("lists holdings and digital balances, filtered", async () => {
      const all = await holdings();
      expect(all.status).toBe(200);
      for (const h of all.json.data) expect(Object.keys(h)).toEqual(HOLDING_KEYS);
      const skus = all.json.data.map((h: { sku: string }) => h.sku);
      expect(skus).toEqual(["MNTGB00100", "MNTSB00100", "GAU", "GAG", "GPT"]);
      const deliverable = (await holdings("&is_deliverable=true")).json.data;
      expect(deliverable.every((h: { isDeliverable: boolean }) => h.isDeliverable)).toBe(true);
      expect(deliverable).toHaveLength(2);
      const digital = (await holdings("&is_deliverable=false")).json.data;
      expect(digital[0]).toMatchObject({
        productName: "Altın - Dijital saklama",
        sku: "GAU",
        quantity: 12.5,
        grams: 12.5,
        currencyCode: "TRY",
      });
      const silver = (await holdings("&metal_type=silver")).json.data;
      expect(silver.map((h: { sku: string }) => h.sku)).toEqual(["MNTSB00100", "GAG"]);
      await control(sb.url, "PUT", "/prices", { GAU: { bid: 1000, ask: 1100 } });
      const gold = (await holdings("&metal_type=gold&is_deliverable=true")).json.data;
      expect(gold).toEqual([
        expect.objectContaining({
          sku: "MNTGB00100",
          quantity: 2,
          grams: 20,
          value: 20000,
          metal: "gold",
        }),
      ]);
      expect((await holdings("&metal_type=copper")).status).toBe(422);
      expect((await get("/partner/walletable/balance?external_customer_id=NOBODY")).status).toBe(
        404,
      );
    });

    it("lists currency rates", async () => {
      await control(sb.url, "PUT", "/prices", { USD: { bid: 40, ask: 42 } });
      const res = await get("/partner/walletable/currency-rates");
      expect(res.status).toBe(200);
      expect(res.json.data.map((r: { code: string }) => r.code)).toEqual([
        "TRY",
        "USD",
        "EUR",
        "GBP",
        "AED",
      ]);
      expect(res.json.data[0]).toMatchObject({ code: "TRY", rate: 1 });
      expect(res.json.data[1]).toMatchObject({ code: "USD", rate: 41 });
      expect(Object.keys(res.json.data[2])).toEqual(["code", "rate", "updated_at"]);
    });

    it("returns OHLC rate history for each period", async () => {
      await control(sb.url, "PUT", "/prices", { GAU: { bid: 1000, ask: 1092.12 } });
      const lengths = { "1d": 96, "1w": 168, "1m": 120, "1y": 365 };
      for (const [period, length] of Object.entries(lengths)) {
        const res = await get(`/partner/walletable/rate-history?sku=GAU&period=${period}`);
        expect(res.status).toBe(200);
        const candles: Candle[] = res.json.data;
        expect(candles).toHaveLength(length);
        expect(candles.at(-1)?.close).toBe(1046.06);
        for (const c of candles) {
          expect(Object.keys(c)).toEqual(["t", "open", "high", "low", "close"]);
          expect(c.high).toBeGreaterThanOrEqual(Math.max(c.open, c.close));
          expect(c.low).toBeLessThanOrEqual(Math.min(c.open, c.close));
        }
        expect(candles[1]!.t).toBeGreaterThan(candles[0]!.t);
      }
      const usd = await get("/partner/walletable/rate-history?sku=USD&period=1d");
      expect(usd.json.data).toHaveLength(96);
      expect(
        (await get("/partner/walletable/rate-history?sku=XAU&period=1d")).json.errors.sku,
      ).toBeDefined();
      expect(
        (await get("/partner/walletable/rate-history?sku=GAU&period=2d")).json.errors.period,
      ).toBeDefined();
    });
  });
});
