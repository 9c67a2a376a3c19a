import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CORP,
  CORP_BILLING,
  GOLD_1G,
  IND,
  IND_BILLING,
  IND_SHIPPING,
  SILVER_50G,
  addItem,
  basketWith,
  completeBasket,
  getOrder,
  resetPinned,
  setSavedAddresses,
} from "./ecom-test-support.ts";
import type { RunningSandbox } from "./server.ts";
import { control, curl, startTestSandbox } from "./test-support.ts";

const customAddress = {
  shipping: {
    tax_number: "10000000146",
    fullname: "Ayşe Yılmaz",
    phone: "+90 532 111 22 33",
    city: "İzmir",
    county: "Karşıyaka",
    district: "Bostanlı Mah.",
    address: "Cemal Gürsel Cad. No: 5",
    zipcode: "35590",
  },
  billing: {
    invoice_type: "Corporate",
    company_name: "Anadolu Kıymetli Madenler A.Ş.",
    tax_office: "Kozyatağı",
    tax_number: "4610427530",
    phone: "+902165550011",
    email: "finans@anadolu-km.example.com",
    city: "İstanbul",
    county: "Ataşehir",
    district: "Barbaros Mah.",
    address: "Nidakule No: 3 Kat: 12",
  },
};

describe("E-Commerce checkout (Digest)", () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox();
  });
  afterAll(() => sb.close());
  beforeEach(() => resetPinned(sb.url));

  it("adds, updates, deletes and clears items with exact totals", async () => {
    const first = await addItem(sb.url, IND, GOLD_1G, 2);
    expect(first.status).toBe(200);
    const basket = first.json.data;
    // The 28 fields of the Ecom Order schema page and the `currency_code` of api-8328441.
    expect(Object.keys(basket)).toHaveLength(29);
    expect(Object.keys(basket).slice(0, 7)).toEqual([
      "pricefix",
      "id",
      "guid",
      "order_creation_status",
      "token",
      "external_id",
      "increment_id",
    ]);
    expect(basket.token).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(basket.increment_id).toMatch(/^MC_[0-9A-F]{13}$/);
    expect(basket).toMatchObject({
      order_creation_status: "basket",
      order_at: null,
      price: 8525,
      tax: 0,
      total: 8525,
      delivery_price: 149.9,
      insurance_price: 10,
      market_commission: 17.05,
      minted_markup_price: 205,
      silver_craftsmanship: 0,
      payment_cost: 0,
      paid_total: 8701.95,
      currency_rate: 1,
      currency_total: 8701.95,
      status_name: "Pending",
      delivery: null,
      shippingaddress: null,
      billingaddress: null,
      payment: null,
      customer: { external_id: IND, fullname: "Ayşe Yılmaz" },
    });
    expect(basket.pricefix).toMatchObject({ updated: false });
    expect(basket.pricefix.remaining).toBeGreaterThan(230);
    expect(basket.items[0]).toMatchObject({
      item_currency_id: 1000004,
      sku: GOLD_1G,
      product_weight: 1,
      spot_price: 4100,
      price: 4262.5,
      tax_rate: 0,
      tax: 0,
      amount: 2,
      total: 8525,
    });
    // The documented price components (api-8328441): ids 1–4 with Minted's own names.
    expect(basket.items[0].prices).toEqual([
      { id: 1, name: "Minted Markup", price: 102.5 },
      { id: 2, name: "Sigorta", price: expect.closeTo(4.26, 2) },
      { id: 4, name: "Kargo", price: 0 },
      { id: 3, name: "Market Komisyon", price: expect.closeTo(8.53, 1) },
    ]);
    const token = basket.token;

    // Adding again to the same basket: a second SKU (silver, 20 % VAT) and more of the first.
    const silver = await addItem(sb.url, IND, SILVER_50G, 1, token);
    expect(silver.json.data).toMatchObject({
      token,
      price: 11371,
      tax: 569.2,
      total: 11940.2,
      delivery_price: 149.9,
      insurance_price: 11.37,
      market_commission: 22.74,
      minted_markup_price: 361,
      silver_craftsmanship: 90,
      paid_total: 12124.21,
    });
    expect(silver.json.data.items[1]).toMatchObject({
      sku: SILVER_50G,
      price: 2846,
      tax_rate: 20,
      tax: 569.2,
      total: 3415.2,
    });
    const more = await addItem(sb.url, IND, GOLD_1G, 3, token);
    expect(more.json.data.items[0].amount).toBe(5);

    // Over the free-shipping threshold: no delivery fee.
    expect(more.json.data).toMatchObject({
      price: 24158.5,
      total: 24727.7,
      delivery_price: 0,
      insurance_price: 24.16,
      market_commission: 48.32,
      paid_total: 24800.18,
    });

    const patched = await curl(sb.url, "/partner/ecom/basket", {
      method: "PATCH",
      body: { external_customer_id: IND, cart_token: token, sku: GOLD_1G, qty: 1 },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.data).toMatchObject({
      price: 7108.5,
      tax: 569.2,
      total: 7677.7,
      delivery_price: 149.9,
    });

    const removed = await curl(sb.url, "/partner/ecom/basket", {
      method: "DELETE",
      body: { external_customer_id: IND, cart_token: token, sku: SILVER_50G },
    });
    expect(removed.json.data.items.map((i: { sku: string }) => i.sku)).toEqual([GOLD_1G]);
    const again = await curl(sb.url, "/partner/ecom/basket", {
      method: "DELETE",
      body: { external_customer_id: IND, cart_token: token, sku: SILVER_50G },
    });
    expect(again.status).toBe(422);
    expect(again.json.errors).toHaveProperty("sku");

    const zero = await curl(sb.url, "/partner/ecom/basket", {
      method: "PATCH",
      body: { external_customer_id: IND, cart_token: token, sku: GOLD_1G, qty: 0 },
    });
    expect(zero.json.data.items).toEqual([]);

    await addItem(sb.url, IND, GOLD_1G, 1, token);
    await control(sb.url, "POST", "/clock", { advance: 300 });
    const emptied = await curl(sb.url, "/partner/ecom/basket/empty", {
      method: "DELETE",
      body: { external_customer_id: IND, cart_token: token },
    });
    expect(emptied.status).toBe(200);
    expect(emptied.json.data).toMatchObject({
      token,
      items: [],
      price: 0,
      tax: 0,
      total: 0,
      delivery_price: 0,
      insurance_price: 0,
      paid_total: 0,
      payment_cost: 0,
    });
    // The emptied basket keeps its expired fix: remaining goes negative.
    expect(emptied.json.data.pricefix.remaining).toBeLessThan(0);
    expect(emptied.json.data.pricefix.updated).toBe(false);
  });

  it("counts digital products in grams and keeps Minted's price component names", async () => {
    const res = await curl(sb.url, "/partner/ecom/basket", {
      method: "POST",
      headers: { "Accept-Language": "en" },
      body: { external_customer_id: IND, sku: "GAU", qty: 1.5 },
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({
      price: 6150,
      tax: 0,
      delivery_price: 0,
      insurance_price: 0,
      market_commission: 12.3,
      paid_total: 6162.3,
    });
    expect(res.json.data.items[0]).toMatchObject({ amount: 1.5, item_currency_name: "Gram Gold" });
    // Minted's price component names are its own, whatever the language (api-8328441).
    expect(res.json.data.items[0].prices.map((p: { id: number; name: string }) => p.id)).toEqual([
      1, 2, 4, 3,
    ]);
    expect(res.json.data.items[0].prices[1]).toEqual({ id: 2, name: "Sigorta", price: 0 });

    const tooFine = await addItem(sb.url, IND, "GAU", 0.0001);
    expect(tooFine.status).toBe(422);
    expect(tooFine.json.errors).toHaveProperty("qty");
    const halfBar = await addItem(sb.url, IND, GOLD_1G, 1.5);
    expect(halfBar.status).toBe(422);
    expect(halfBar.json.errors.qty[0]).toContain("tam sayı");
    const none = await addItem(sb.url, IND, GOLD_1G, 0);
    expect(none.status).toBe(422);
  });

  it("enforces the stock and the per-product maximum", async () => {
    const fiveLira = "MNTGC03608"; // 3 in stock
    const over = await addItem(sb.url, IND, fiveLira, 4);
    expect(over.status).toBe(422);
    expect(over.json.errors.qty[0]).toContain("3");
    const token = await basketWith(sb.url, IND, [[fiveLira, 3]]);
    const oneMore = await addItem(sb.url, IND, fiveLira, 1, token);
    expect(oneMore.status).toBe(422);
    expect(oneMore.json.message).toMatch(/stok/i);

    const soldOut = await addItem(sb.url, IND, "MNTSB00250", 1);
    expect(soldOut.status).toBe(422);

    const eleven = await addItem(sb.url, IND, GOLD_1G, 11);
    expect(eleven.status).toBe(422);
    expect(eleven.json.errors.qty[0]).toContain("10");
    const ten = await addItem(sb.url, IND, GOLD_1G, 10, token);
    expect(ten.status).toBe(200);
    const patch = await curl(sb.url, "/partner/ecom/basket", {
      method: "PATCH",
      headers: { "Accept-Language": "en" },
      body: { external_customer_id: IND, cart_token: token, sku: GOLD_1G, qty: 11 },
    });
    expect(patch.status).toBe(422);
    expect(patch.json.errors.qty[0]).toBe("At most 10 units of one product can be in a basket.");
  });

  it("answers 404, 403 and 422 for unknown, foreign and invalid input", async () => {
    const token = await basketWith(sb.url, IND, [[GOLD_1G, 1]]);
    expect((await addItem(sb.url, "NOBODY", GOLD_1G, 1)).status).toBe(404);
    expect((await addItem(sb.url, CORP, GOLD_1G, 1, token)).status).toBe(403);
    expect((await getOrder(sb.url, CORP, token)).status).toBe(403);
    expect((await getOrder(sb.url, IND, "x".repeat(32))).status).toBe(404);
    const unknownSku = await addItem(sb.url, IND, "NOPE", 1);
    expect(unknownSku.status).toBe(422);
    expect(unknownSku.json).toMatchObject({
      success: false,
      code: 422,
      errors: { sku: ["Seçilen ürün (sku) bulunamadı."] },
    });
    const shortToken = await curl(sb.url, "/partner/ecom/basket/empty", {
      method: "DELETE",
      body: { external_customer_id: IND, cart_token: "short" },
    });
    expect(shortToken.status).toBe(422);
    expect(shortToken.json.errors).toHaveProperty("cart_token");
    const garbage = await curl(sb.url, "/partner/ecom/basket", {
      method: "POST",
      body: "{not json",
    });
    expect(garbage.status).toBe(422);
    const foreignEmpty = await curl(sb.url, "/partner/ecom/basket/empty", {
      method: "DELETE",
      body: { external_customer_id: CORP, cart_token: token },
    });
    expect(foreignEmpty.status).toBe(403);
  });

  it("returns the active basket (or null) and lists incomplete baskets", async () => {
    const none = await curl(sb.url, `/partner/ecom/basket?external_customer_id=${IND}`);
    expect(none.status).toBe(200);
    expect(none.json).toEqual({ data: null, success: true, code: 0, message: "" });
    expect((await curl(sb.url, "/partner/ecom/basket?external_customer_id=NOBODY")).status).toBe(
      404,
    );

    const older = await basketWith(sb.url, IND, [[GOLD_1G, 1]]);
    const newer = await basketWith(sb.url, IND, [[SILVER_50G, 1]]);
    await basketWith(sb.url, CORP, [[GOLD_1G, 1]]);
    const active = await curl(sb.url, `/partner/ecom/basket?external_customer_id=${IND}`);
    expect(active.json.data.token).toBe(newer);

    const list = await curl(
      sb.url,
      `/partner/ecom/baskets?customer_external_id=${IND}&page=1&total=1`,
    );
    expect(list.status).toBe(200);
    expect(list.json.data).toMatchObject({
      current_page: 1,
      per_page: 1,
      total: 2,
      last_page: 2,
      from: 1,
      to: 1,
    });
    expect(list.json.data.data[0].token).toBe(newer);
    const page2 = await curl(
      sb.url,
      `/partner/ecom/baskets?customer_external_id=${IND}&page=2&total=1`,
    );
    expect(page2.json.data.data[0].token).toBe(older);

    const today = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10);
    const dated = await curl(
      sb.url,
      `/partner/ecom/baskets?customer_external_id=${IND}&startDate=${today}&endDate=${today}&card_bin=450803`,
    );
    expect(dated.json.data.total).toBe(2);
    const past = await curl(
      sb.url,
      `/partner/ecom/baskets?customer_external_id=${IND}&startDate=2020-01-01&endDate=2020-01-31`,
    );
    expect(past.json.data.total).toBe(0);
    const alone = await curl(
      sb.url,
      `/partner/ecom/baskets?customer_external_id=${IND}&startDate=2020-01-01`,
    );
    expect(alone.status).toBe(422);
    expect(alone.json.errors).toHaveProperty("endDate");
    const bin = await curl(
      sb.url,
      `/partner/ecom/baskets?customer_external_id=${IND}&card_bin=4508`,
    );
    expect(bin.status).toBe(422);
    expect(bin.json.errors).toHaveProperty("card_bin");
  });

  it("sets custom and saved addresses, checking identity numbers and ownership", async () => {
    const token = await basketWith(sb.url, IND, [[GOLD_1G, 1]]);
    const custom = await curl(sb.url, "/partner/ecom/basket/setaddress", {
      method: "PATCH",
      body: { external_customer_id: IND, cart_token: token, card_bin: "450803", ...customAddress },
    });
    expect(custom.status).toBe(200);
    expect(custom.json.data.shippingaddress).toEqual({
      id: null,
      external_id: null,
      tax_number: "10000000146",
      fullname: "Ayşe Yılmaz",
      phone: "+905321112233",
      city: "İzmir",
      county: "Karşıyaka",
      district: "Bostanlı Mah.",
      address: "Cemal Gürsel Cad. No: 5",
      zipcode: "35590",
      street: null,
    });
    expect(custom.json.data.billingaddress).not.toHaveProperty("id");
    expect(custom.json.data.billingaddress).toMatchObject({
      invoice_type: "Corporate",
      company_name: "Anadolu Kıymetli Madenler A.Ş.",
      fullname: "Anadolu Kıymetli Madenler A.Ş.",
      tax_office: "Kozyatağı",
      tax_number: "4610427530",
    });

    const saved = await setSavedAddresses(sb.url, IND, token);
    expect(saved.status).toBe(200);
    expect(saved.json.data.shippingaddress).toMatchObject({
      id: IND_SHIPPING,
      city: "İstanbul",
      county: "Kadıköy",
    });
    expect(saved.json.data.billingaddress).toMatchObject({
      invoice_type: "Individual",
      city: "Ankara",
      tax_number: "10000000146",
    });

    const foreign = await setSavedAddresses(sb.url, IND, token, [IND_SHIPPING, CORP_BILLING]);
    expect(foreign.status).toBe(403);
    const unknown = await setSavedAddresses(sb.url, IND, token, [IND_SHIPPING, 99999]);
    expect(unknown.status).toBe(404);

    const badTckn = await curl(sb.url, "/partner/ecom/basket/setaddress", {
      method: "PATCH",
      body: {
        external_customer_id: IND,
        cart_token: token,
        shipping: customAddress.shipping,
        billing: {
          ...customAddress.billing,
          invoice_type: "Individual",
          tax_number: "12345677938",
        },
      },
    });
    expect(badTckn.status).toBe(422);
    expect(badTckn.json.errors["billing.tax_number"]).toEqual(["Geçersiz T.C. kimlik numarası."]);
    const badVkn = await curl(sb.url, "/partner/ecom/basket/setaddress", {
      method: "PATCH",
      headers: { "Accept-Language": "en" },
      body: {
        external_customer_id: IND,
        cart_token: token,
        shipping: { ...customAddress.shipping, zipcode: "355900" },
        billing: { ...customAddress.billing, tax_number: "1234567793", tax_office: undefined },
      },
    });
    expect(badVkn.status).toBe(422);
    expect(Object.keys(badVkn.json.errors).sort()).toEqual([
      "billing.tax_number",
      "billing.tax_office",
      "shipping.zipcode",
    ]);
    expect(badVkn.json.errors["billing.tax_number"]).toEqual([
      "The tax number is not a valid VKN.",
    ]);
  });

  it("lists the payment types", async () => {
    const tr = await curl(sb.url, "/partner/ecom/payment/types");
    expect(tr.json.data).toEqual([
      {
        code: "creditcard",
        name: "Kredi / banka kartı",
        installments: [
          { installment: 1, margin: 0 },
          { installment: 3, margin: 2.9 },
          { installment: 6, margin: 5.4 },
        ],
      },
      { code: "cash", name: "Cüzdan bakiyesi (TL)" },
    ]);
    const en = await curl(sb.url, "/partner/ecom/payment/types", {
      headers: { "Accept-Language": "en" },
    });
    expect(en.json.data[0].name).toBe("Credit / debit card");
  });

  it("refuses to complete an empty basket, one without addresses, and one with an expired fix", async () => {
    const token = await basketWith(sb.url, IND, [[GOLD_1G, 1]]);
    const base = { external_customer_id: IND, cart_token: token, payment_type: "cash" };
    const noAddress = await completeBasket(sb.url, base);
    expect(noAddress.status).toBe(422);
    expect(noAddress.json.errors).toHaveProperty("shipping");
    await setSavedAddresses(sb.url, IND, token);

    const noReturn = await completeBasket(sb.url, {
      ...base,
      payment_type: "creditcard",
      installment: 2,
    });
    expect(noReturn.status).toBe(422);
    expect(Object.keys(noReturn.json.errors).sort()).toEqual(["installment", "return_url"]);
    const badUrl = await completeBasket(sb.url, {
      ...base,
      payment_type: "creditcard",
      return_url: "javascript:alert(1)",
    });
    expect(badUrl.status).toBe(422);

    const before = await curl(sb.url, `/partner/ecom/basket?external_customer_id=${IND}`);
    const oldFix = before.json.data.pricefix.token;
    await control(sb.url, "POST", "/clock", { advance: 241 });
    await control(sb.url, "PUT", "/prices", { GAU: { bid: 4100, ask: 4200 } });
    const expired = await completeBasket(sb.url, base);
    expect(expired.status).toBe(422);
    expect(expired.json.errors).toHaveProperty("pricefix");

    const refixed = await curl(sb.url, `/partner/ecom/basket?external_customer_id=${IND}`);
    expect(refixed.json.data.pricefix.updated).toBe(true);
    expect(refixed.json.data.pricefix.token).not.toBe(oldFix);
    expect(refixed.json.data.pricefix.remaining).toBeGreaterThan(230);
    expect(refixed.json.data.items[0]).toMatchObject({ spot_price: 4200, price: 4365 });
    const seenAgain = await curl(sb.url, `/partner/ecom/basket?external_customer_id=${IND}`);
    expect(seenAgain.json.data.pricefix.updated).toBe(false);

    const done = await completeBasket(sb.url, base);
    expect(done.status).toBe(200);
    expect(done.json.data).toMatchObject({ order_creation_status: "order", price: 4365 });
    const twice = await completeBasket(sb.url, base);
    expect(twice.status).toBe(422);
    expect(twice.json.errors).toHaveProperty("cart_token");
    const addToOrder = await addItem(sb.url, IND, GOLD_1G, 1, token);
    expect(addToOrder.status).toBe(422);

    const empty = await basketWith(sb.url, IND, [[GOLD_1G, 1]]);
    await curl(sb.url, "/partner/ecom/basket/empty", {
      method: "DELETE",
      body: { external_customer_id: IND, cart_token: empty },
    });
    const emptyComplete = await completeBasket(sb.url, { ...base, cart_token: empty });
    expect(emptyComplete.status).toBe(422);
    expect(emptyComplete.json.message).toBe("Sepet boş.");
  });

  it("pays from the TRY wallet with cash and refuses an insufficient balance", async () => {
    const token = await basketWith(sb.url, IND, [[GOLD_1G, 2]]);
    await setSavedAddresses(sb.url, IND, token);
    const paid = await completeBasket(sb.url, {
      external_customer_id: IND,
      cart_token: token,
      payment_type: "cash",
      external_id: "PARTNER-ORDER-1",
    });
    expect(paid.status).toBe(200);
    expect(paid.json.data).toMatchObject({
      order_creation_status: "order",
      external_id: "PARTNER-ORDER-1",
      status_id: 12,
      status_name: "Payment Confirmed",
      paid_total: 8701.95,
      payment_cost: 0,
      payment: {
        state: "success",
        payment_type: "cash",
        is_3d: false,
        redirect_url: null,
        total: 8701.95,
        comission: 0,
      },
    });
    expect(paid.json.data.order_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000000Z$/);
    expect(paid.json.data.payment.token).toHaveLength(128);
    const wallet = await curl(sb.url, `/partner/customer/${IND}`);
    const tryLine = wallet.json.data.wallets.find(
      (w: { currency_code: string }) => w.currency_code === "TRY",
    );
    expect(tryLine.balance).toBe(241298.05);
    const stock = await curl(sb.url, `/partner/ecom/product?sku=${GOLD_1G}`);
    expect(stock.json.data.stock).toBe(178);

    const duplicate = await basketWith(sb.url, IND, [[GOLD_1G, 1]]);
    await setSavedAddresses(sb.url, IND, duplicate);
    const taken = await completeBasket(sb.url, {
      external_customer_id: IND,
      cart_token: duplicate,
      payment_type: "cash",
      external_id: "PARTNER-ORDER-1",
    });
    expect(taken.status).toBe(422);
    expect(taken.json.errors).toHaveProperty("external_id");

    // Two baskets may hold the last units; the first to complete takes them.
    const fiveLira = "MNTGC03608"; // 3 in stock
    const [first, second] = [
      await basketWith(sb.url, CORP, [[fiveLira, 3]]),
      await basketWith(sb.url, CORP, [[fiveLira, 2]]),
    ];
    for (const token of [first, second])
      await setSavedAddresses(sb.url, CORP, token, [CORP_BILLING, CORP_BILLING]);
    const won = await completeBasket(sb.url, {
      external_customer_id: CORP,
      cart_token: first,
      payment_type: "cash",
    });
    expect(won.status).toBe(200);
    const lost = await completeBasket(sb.url, {
      external_customer_id: CORP,
      cart_token: second,
      payment_type: "cash",
    });
    expect(lost.status).toBe(422);
    expect(lost.json.errors.items[0]).toContain("stok");

    const kilo = await basketWith(sb.url, IND, [["MNTGB10000", 1]]);
    await setSavedAddresses(sb.url, IND, kilo);
    const poor = await completeBasket(sb.url, {
      external_customer_id: IND,
      cart_token: kilo,
      payment_type: "cash",
    });
    expect(poor.status).toBe(422);
    expect(poor.json.errors).toHaveProperty("payment_type");
  });

  it("completes a digital-only order at once and credits the metal wallet", async () => {
    const token = await basketWith(sb.url, IND, [["GAU", 2.5]]);
    const paid = await completeBasket(sb.url, {
      external_customer_id: IND,
      cart_token: token,
      payment_type: "cash",
    });
    expect(paid.status).toBe(200);
    expect(paid.json.data).toMatchObject({
      status_id: 5,
      status_name: "Completed",
      paid_total: 10270.5,
    });
    const wallet = await curl(sb.url, `/partner/customer/${IND}`);
    const gold = wallet.json.data.wallets.find(
      (w: { currency_code: string }) => w.currency_code === "GAU",
    );
    expect(gold.balance).toBe(15);
  });

  it("lists orders with filters, sorting and pagination", async () => {
    const orders: string[] = [];
    for (const [customer, sku, qty] of [
      [IND, GOLD_1G, 1],
      [IND, SILVER_50G, 2],
      [CORP, GOLD_1G, 3],
    ] as const) {
      const token = await basketWith(sb.url, customer, [[sku, qty]]);
      await setSavedAddresses(
        sb.url,
        customer,
        token,
        customer === IND ? [IND_SHIPPING, IND_BILLING] : [CORP_BILLING, CORP_BILLING],
      );
      const res = await completeBasket(sb.url, {
        external_customer_id: customer,
        cart_token: token,
        payment_type: "cash",
      });
      expect(res.status).toBe(200);
      orders.push(token);
      await control(sb.url, "POST", "/clock", { advance: 60 });
    }
    await basketWith(sb.url, IND, [[GOLD_1G, 1]]); // an open basket is not an order

    const all = await curl(sb.url, "/partner/ecom/orders");
    expect(all.status).toBe(200);
    expect(all.json.data).toMatchObject({ total: 3, per_page: 10, current_page: 1 });
    expect(all.json.data.data.map((o: { token: string }) => o.token)).toEqual(
      [...orders].reverse(),
    );

    const ind = await curl(
      sb.url,
      `/partner/ecom/orders?customer_external_id=${IND}&sortBy=total&sortType=asc`,
    );
    expect(ind.json.data.data.map((o: { paid_total: number }) => o.paid_total)).toEqual([
      4430.93, 7001.68,
    ]);
    const bySku = await curl(sb.url, `/partner/ecom/orders?sku=${SILVER_50G}`);
    expect(bySku.json.data.data.map((o: { token: string }) => o.token)).toEqual([orders[1]]);

    await control(sb.url, "POST", `/orders/${orders[0]}/status`, { status: "Cancelled" });
    const cancelled = await curl(sb.url, "/partner/ecom/orders?status=Cancelled");
    expect(cancelled.json.data.data.map((o: { token: string }) => o.token)).toEqual([orders[0]]);
    const byIds = await curl(sb.url, "/partner/ecom/orders?status=4,12");
    expect(byIds.json.data.total).toBe(3);
    const confirmed = await curl(sb.url, "/partner/ecom/orders?status=Payment%20Confirmed");
    expect(confirmed.json.data.data.map((o: { token: string }) => o.token)).toEqual([
      orders[2],
      orders[1],
    ]);
    const byCustomer = await curl(
      sb.url,
      "/partner/ecom/orders?sortBy=customer_external_id&sortType=asc&total=5",
    );
    expect(byCustomer.json.data.data[0].customer.external_id).toBe(CORP);

    expect((await curl(sb.url, "/partner/ecom/orders?total=4")).status).toBe(422);
    expect((await curl(sb.url, "/partner/ecom/orders?status=Lost")).status).toBe(422);
    expect((await curl(sb.url, "/partner/ecom/orders?sortBy=price")).status).toBe(422);
    const future = await curl(sb.url, "/partner/ecom/orders?startDate=2099-01-01");
    expect(future.json.data.total).toBe(0);
  });

  it("serves the legal types, the filled documents and their PDF", async () => {
    const types = await curl(sb.url, "/partner/ecom/legal/types");
    expect(types.json.data).toEqual([
      { type: "pre_information", title: "Ön Bilgilendirme Formu", version: "2026.1" },
      { type: "distance_sales", title: "Mesafeli Satış Sözleşmesi", version: "2026.1" },
    ]);
    const typesEn = await curl(sb.url, "/partner/ecom/legal/types", {
      headers: { "Accept-Language": "en" },
    });
    expect(typesEn.json.data.map((x: { title: string }) => x.title)).toEqual([
      "Pre-information form",
      "Distance sales contract",
    ]);

    const token = await basketWith(sb.url, IND, [
      [GOLD_1G, 2],
      [SILVER_50G, 1],
    ]);
    await setSavedAddresses(sb.url, IND, token);
    const doc = await curl(sb.url, "/partner/legal", {
      method: "POST",
      body: { type: "distance_sales", external_customer_id: IND, cart_token: token },
    });
    expect(doc.status).toBe(200);
    const data = doc.json.data;
    expect(data).toMatchObject({
      type: "distance_sales",
      version: "2026.1",
      title: "Mesafeli Satış Sözleşmesi",
    });
    expect(data.html).toMatch(/^<article class="minted-legal" lang="tr"/);
    expect(data.html).toContain("Ayşe Yılmaz");
    expect(data.html).toContain("Minted 1 Gr 999,9 Külçe Altın");
    expect(data.html).toContain("12.124,21 TL");
    expect(data.html).toContain("15. maddesinin birinci fıkrasının (a) bendi");
    expect(data.html).toContain("Minted Kıymetli Madenler A.Ş.");
    expect(data.html).not.toContain("<script");
    expect(data.html).not.toContain("10000000146"); // no identity number on the contract
    expect(data.pdf_url).toBe(`${sb.url}/legal/distance_sales/${token}.pdf`);

    const pdf = await curl(sb.url, data.pdf_url.slice(sb.url.length), { auth: "none" });
    expect(pdf.status).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.text.startsWith("%PDF-1.4")).toBe(true);
    expect(pdf.text.endsWith("%%EOF")).toBe(true);
    expect(pdf.text).toContain("(Mesafeli Satis S\\366zlesmesi) Tj");
    expect((pdf.text.match(/\/Type \/Page /g) ?? []).length).toBeGreaterThanOrEqual(2);
    // Every xref offset points at its object.
    const startxref = Number(/startxref\n(\d+)\n%%EOF$/.exec(pdf.text)?.[1]);
    expect(pdf.text.slice(startxref, startxref + 4)).toBe("xref");
    const offsets = [...pdf.text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) =>
      Number(m[1]),
    );
    offsets.forEach((at, i) => expect(pdf.text.slice(at).startsWith(`${i + 1} 0 obj`)).toBe(true));

    const en = await curl(sb.url, "/partner/legal", {
      method: "POST",
      headers: { "Accept-Language": "en" },
      body: { type: "pre_information", external_customer_id: IND, cart_token: token },
    });
    expect(en.json.data.title).toBe("Pre-information form");
    expect(en.json.data.html).toContain("Minted 1 g 999.9 Gold Bar");
    expect(en.json.data.pdf_url).toContain("?lang=en");

    const foreign = await curl(sb.url, "/partner/legal", {
      method: "POST",
      body: { type: "pre_information", external_customer_id: CORP, cart_token: token },
    });
    expect(foreign.status).toBe(403);
    const badType = await curl(sb.url, "/partner/legal", {
      method: "POST",
      body: { type: "kvkk", external_customer_id: IND, cart_token: token },
    });
    expect(badType.status).toBe(422);
    expect(
      (await curl(sb.url, `/legal/distance_sales/${"x".repeat(32)}.pdf`, { auth: "none" })).status,
    ).toBe(404);
  });
});
