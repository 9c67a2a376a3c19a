import { describe, expect, it } from "vitest";
import { totalWithInstallmentCharge } from "../../contract/installment-charge.ts";
import { curl } from "../../sandbox/test-support.ts";
import { TEST_ORIGIN } from "../test-support.ts";
import {
  acceptLegalDocuments,
  apiClient,
  useTestProxy,
  upstreamCalls,
  type ApiClient,
} from "./api-test-client.ts";
import { upstreamPaymentTypesSchema } from "../../minted/schemas/checkout.ts";
import { readCheckoutRecord } from "./checkout-records.ts";
import { controlClient } from "../../sandbox/control-client.ts";

const IND = "DEMO-IND-001";
const GOLD_1G = "MNTGB00010";
const COMPLETE_PATH = "/partner/ecom/basket/complete";

const proxy = useTestProxy();

let keys = 0;
const newKey = () => `checkout-test-${String(++keys).padStart(4, "0")}-${String(Date.now())}`;

/** A basket of DEMO-IND-001 with its saved addresses and both documents accepted; and its quote. */
async function readyToComplete(api: ApiClient, quantity = 1) {
  expect((await api.call("POST", "/api/basket/items", { sku: GOLD_1G, quantity })).status).toBe(
    200,
  );
  const set = await api.call("PUT", "/api/checkout/addresses", {
    shippingAddressId: 1931,
    billingAddressId: 1932,
  });
  expect(set.status, set.text).toBe(200);
  const { acceptances, legalAcceptances } = await acceptLegalDocuments(api);
  const quote: any = (await api.call("GET", "/api/checkout/quote")).json;
  return { acceptances, legalAcceptances, quote };
}

function complete(api: ApiClient, body: unknown, key: string | null = newKey()) {
  return api.call(
    "POST",
    "/api/checkout/complete",
    body,
    key === null ? {} : { "idempotency-key": key },
  );
}

describe("checkout", () => {
  it("sets saved addresses and shows them on the basket (tax numbers masked)", async () => {
    const api = await apiClient(proxy(), IND);
    await api.call("POST", "/api/basket/items", { sku: GOLD_1G, quantity: 1 });
    const res = await api.call("PUT", "/api/checkout/addresses", {
      shippingAddressId: 1931,
      billingAddressId: 1932,
    });
    const state: any = res.json;
    expect(state.shipping).toMatchObject({
      city: "İstanbul",
      zipcode: "34710",
      taxNumberMasked: "*********46",
    });
    expect(state.billing).toMatchObject({ city: "Ankara", invoiceType: "individual" });
    expect(res.text).not.toContain("10000000146");
    expect((await api.call("GET", "/api/checkout")).json).toMatchObject({
      shipping: { city: "İstanbul" },
    });

    const other = await apiClient(proxy(), "DEMO-CORP-001");
    await other.call("POST", "/api/basket/items", { sku: GOLD_1G, quantity: 1 });
    const foreign = await other.call("PUT", "/api/checkout/addresses", {
      shippingAddressId: 1931,
      billingAddressId: 1933,
    });
    expect(foreign.status).toBe(404);
  });

  it("sets addresses from the form, billing 'same', and maps the form's errors", async () => {
    const api = await apiClient(proxy(), IND);
    await api.call("POST", "/api/basket/items", { sku: GOLD_1G, quantity: 1 });
    const shipping = {
      fullName: "Ayşe Yılmaz",
      phone: "+90 532 111 22 33",
      city: "Ankara",
      county: "Çankaya",
      district: "Kızılay Mah.",
      line: "Atatürk Blv. No: 101",
      zipcode: "06420",
      invoiceType: "individual",
      taxNumber: "10000000146",
    };
    const res = await api.call("PUT", "/api/checkout/addresses", { shipping, billing: "same" });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({
      shipping: { city: "Ankara", line: "Atatürk Blv. No: 101", phone: "+905321112233" },
      billing: { city: "Ankara", invoiceType: "individual" },
    });
    const bad = await api.call("PUT", "/api/checkout/addresses", {
      shipping: { ...shipping, zipcode: "34000" },
      billing: { ...shipping, invoiceType: "corporate", taxNumber: "4610427530" },
    });
    expect(bad.status).toBe(422);
    expect(Object.keys((bad.json as any).errors).sort()).toEqual([
      "billing.companyName",
      "billing.taxOffice",
      "shipping.zipcode",
    ]);
  });

  it("serves both legal documents, sanitised, without Minted's PDF links", async () => {
    const api = await apiClient(proxy(), IND, "tr");
    await api.call("POST", "/api/basket/items", { sku: GOLD_1G, quantity: 1 });
    const res = await api.call("GET", "/api/checkout/legal");
    expect(res.status).toBe(200);
    const docs: any[] = (res.json as any).documents;
    expect(docs.map((d) => [d.type, d.version])).toEqual([
      ["pre_information", "2026.1"],
      ["distance_sales", "2026.1"],
    ]);
    expect(docs[1].title).toBe("Mesafeli Satış Sözleşmesi");
    expect(docs[1].html).toContain("<h1>Mesafeli Satış Sözleşmesi</h1>");
    expect(res.text).not.toMatch(/pdf|script|data-type|class=/i);
    expect(res.text).not.toContain(proxy().sandbox.url);
  });

  it("offers card instalments with the bank's rate, and the wallet", async () => {
    const api = await apiClient(proxy(), IND);
    expect((await api.call("GET", "/api/checkout/payment-types")).json).toEqual({
      paymentTypes: [
        {
          type: "card",
          name: "Credit / debit card",
          installments: [
            { count: 1, ratePercent: 0 },
            { count: 3, ratePercent: 2.9 },
            { count: 6, ratePercent: 5.4 },
          ],
        },
        {
          type: "wallet",
          name: "Wallet balance (TRY)",
          installments: [{ count: 1, ratePercent: 0 }],
        },
      ],
    });
  });

  it("reads an upstream that lists instalments as plain counts, without a charge", () => {
    const parsed = upstreamPaymentTypesSchema.parse([
      { code: "creditcard", name: "Kart", installments: [1, 3] },
      { code: "creditcard", name: "Kart", installments: [{ installment: 3, margin: null }] },
      { code: "cash", name: "Cüzdan" },
    ]);
    expect(parsed.map((p) => p.installments)).toEqual([
      [
        { installment: 1, margin: 0 },
        { installment: 3, margin: 0 },
      ],
      [{ installment: 3, margin: 0 }],
      undefined,
    ]);
  });

  it("card in 3 instalments: upstream charges exactly the total the shop shows", async () => {
    const api = await apiClient(proxy(), IND);
    const { legalAcceptances, quote } = await readyToComplete(api);
    const types: any = (await api.call("GET", "/api/checkout/payment-types")).json;
    const three = types.paymentTypes[0].installments.find((o: any) => o.count === 3);
    const shown = totalWithInstallmentCharge(quote.totals.total, three.ratePercent);
    expect(shown).toBe(4559.43); // 4430.93 + 128.50 (2.9 %)

    const res = await complete(api, {
      quoteId: quote.quoteId,
      paymentType: "card",
      installments: 3,
      legalAcceptances,
    });
    expect(res.status, res.text).toBe(200);
    const done: any = res.json;
    const orders = await curl(
      proxy().sandbox.url,
      `/partner/ecom/orders?page=1&total=30&customer_external_id=${IND}`,
    );
    const upstream = orders.json.data.data.find((o: any) => o.increment_id === done.orderCode);
    expect(upstream).toMatchObject({
      payment_cost: 128.5,
      paid_total: shown,
      payment: { total: shown },
    });
  });

  it("card: completes, goes through 3-D Secure and reads the paid state upstream", async () => {
    const api = await apiClient(proxy(), IND);
    const { acceptances, legalAcceptances, quote } = await readyToComplete(api);
    expect(quote.quoteId).toMatch(/^[a-f0-9]{32}$/);
    expect(quote.totals).toEqual({ subtotal: 4262.5, vat: 0, fees: 168.43, total: 4430.93 });

    const res = await complete(api, {
      quoteId: quote.quoteId,
      paymentType: "card",
      installments: 1,
      legalAcceptances,
    });
    expect(res.status, res.text).toBe(200);
    const done: any = res.json;
    expect(done).toMatchObject({ status: "pending", orderCode: expect.stringMatching(/^MC_/) });
    expect(done.payment.redirectUrl).toMatch(new RegExp(`^${proxy().sandbox.url}/pay/`));

    // The customer approves on the bank's page; the bank sends the browser back to the shop.
    const back = await fetch(`${String(done.payment.redirectUrl)}/callback/success?code=123456`, {
      redirect: "manual",
    });
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe(
      `${TEST_ORIGIN}/checkout/return?order=${String(done.orderCode)}&status=success`,
    );

    // The query string's "status" is not trusted: the state is read upstream.
    const result = await api.call(
      "GET",
      `/api/checkout/return?order=${String(done.orderCode)}&status=fail`,
    );
    expect(result.json).toEqual({ orderCode: done.orderCode, status: "paid" });

    // The legal acceptances are kept with the order (for the receipt).
    const record = await readCheckoutRecord(proxy().deps.store, done.orderCode, IND);
    expect(record?.legalAcceptances).toEqual(acceptances);

    // Someone else's order code is a 404.
    const other = await apiClient(proxy(), "DEMO-CORP-001");
    expect(
      (await other.call("GET", `/api/checkout/return?order=${String(done.orderCode)}`)).status,
    ).toBe(404);
    expect((await api.call("GET", "/api/basket")).json).toMatchObject({ items: [] });
  });

  it("card declined: failed with the bank's reason, and the basket can be paid again", async () => {
    const api = await apiClient(proxy(), IND);
    const { legalAcceptances, quote } = await readyToComplete(api);
    const done: any = (
      await complete(api, { quoteId: quote.quoteId, paymentType: "card", legalAcceptances })
    ).json;
    const back = await fetch(
      `${String(done.payment.redirectUrl)}/callback/fail?reason=${encodeURIComponent("Yetersiz bakiye")}&code=051`,
      { redirect: "manual" },
    );
    expect(back.status).toBe(302);
    const result = await api.call("GET", `/api/checkout/return?order=${String(done.orderCode)}`);
    expect(result.json).toEqual({
      orderCode: done.orderCode,
      status: "failed",
      failureReason: "Yetersiz bakiye",
      failureCode: "051",
    });

    const basket: any = (await api.call("GET", "/api/basket")).json;
    expect(basket.items.map((i: any) => i.sku)).toEqual([GOLD_1G]);
    const again: any = (await api.call("GET", "/api/checkout/quote")).json;
    const retry = await complete(api, {
      quoteId: again.quoteId,
      paymentType: "wallet",
      legalAcceptances,
    });
    expect(retry.json).toMatchObject({ orderCode: done.orderCode, status: "paid" });
  });

  it("wallet: paid at once from the TRY balance", async () => {
    const api = await apiClient(proxy(), IND);
    const { legalAcceptances, quote } = await readyToComplete(api);
    const res = await complete(api, {
      quoteId: quote.quoteId,
      paymentType: "wallet",
      legalAcceptances,
    });
    expect(res.status, res.text).toBe(200);
    const done: any = res.json;
    expect(done).toEqual({ orderCode: expect.stringMatching(/^MC_/), status: "paid", payment: {} });
    expect(
      (await api.call("GET", `/api/checkout/return?order=${String(done.orderCode)}`)).json,
    ).toMatchObject({
      status: "paid",
    });
  });

  it("an expired price: 409 price_expired carrying the new quote; the new quote completes", async () => {
    const api = await apiClient(proxy(), IND);
    const { legalAcceptances, quote } = await readyToComplete(api);
    await controlClient(proxy().sandbox.url).prices.pin({ GAU: { bid: 4100, ask: 4200 } });
    await controlClient(proxy().sandbox.url).clock.advance(241);

    const key = newKey();
    const res = await complete(
      api,
      { quoteId: quote.quoteId, paymentType: "wallet", legalAcceptances },
      key,
    );
    expect(res.status).toBe(409);
    const problem: any = res.json;
    expect(problem.code).toBe("price_expired");
    expect(problem.quote.quoteId).not.toBe(quote.quoteId);
    expect(problem.quote.priceFix.renewed).toBe(true);
    // 1 g at 4200: 4200 + 105 markup + 60 minting.
    expect(problem.quote.totals.subtotal).toBe(4365);
    expect(quote.totals.subtotal).toBe(4262.5);
    expect(await upstreamCalls(proxy(), "PUT", COMPLETE_PATH)).toBe(0);

    // Not stored: the same key may carry the accepted new quote.
    const ok = await complete(
      api,
      { quoteId: problem.quote.quoteId, paymentType: "wallet", legalAcceptances },
      key,
    );
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ status: "paid" });
  });

  it("one tap = one order: 20 concurrent completions with one key complete once, answer alike", async () => {
    const api = await apiClient(proxy(), IND);
    const { legalAcceptances, quote } = await readyToComplete(api);
    const body = { quoteId: quote.quoteId, paymentType: "card", installments: 3, legalAcceptances };
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 20 }, () => complete(api, body, key)));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 200));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(19);
    expect(await upstreamCalls(proxy(), "PUT", COMPLETE_PATH)).toBe(1);

    // A later repeat is replayed too; another body under the key is a conflict.
    const later = await complete(api, body, key);
    expect(later.text).toBe(answers[0]?.text);
    const conflict = await complete(api, { ...body, installments: 6 }, key);
    expect(conflict.status).toBe(409);
    expect(conflict.json).toMatchObject({ code: "conflict" });
    expect(await upstreamCalls(proxy(), "PUT", COMPLETE_PATH)).toBe(1);
  });

  it("requires a well-formed Idempotency-Key and both legal documents, before calling Minted", async () => {
    const api = await apiClient(proxy(), IND);
    const { legalAcceptances, quote } = await readyToComplete(api);
    const body = { quoteId: quote.quoteId, paymentType: "card", legalAcceptances };
    let res = await complete(api, body, null);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      code: "validation_failed",
      errors: { "Idempotency-Key": expect.any(Array) },
    });
    res = await complete(api, body, "short");
    expect(res.status).toBe(400);
    res = await complete(api, { ...body, legalAcceptances: legalAcceptances.slice(0, 1) });
    expect(res.status).toBe(422);
    expect(Object.keys((res.json as any).errors)).toEqual(["legalAcceptances"]);
    // Both named, but the proxy's record holds only one: refused, naming the other.
    const withdrawn = await api.call("PUT", "/api/checkout/legal/acceptance", {
      documents: [{ type: "distance_sales", version: "2026.1" }],
      accepted: false,
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    res = await complete(api, body);
    expect(res.status).toBe(422);
    expect((res.json as any).errors.legalAcceptances).toEqual([
      "Please read and accept the Distance sales contract.",
    ]);
    expect(await upstreamCalls(proxy(), "PUT", COMPLETE_PATH)).toBe(0);
  });

  it("a 503 before Minted ran the completion: a certain, unstored problem; the same key then completes once", async () => {
    const api = await apiClient(proxy(), IND);
    const { legalAcceptances, quote } = await readyToComplete(api);
    await controlClient(proxy().sandbox.url).faults.add({
      method: "PUT",
      path: COMPLETE_PATH,
      status: 503,
    });
    const key = newKey();
    const body = { quoteId: quote.quoteId, paymentType: "card", legalAcceptances };
    const res = await complete(api, body, key);
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const problem: any = res.json;
    expect(problem).toMatchObject({
      code: "upstream_unavailable",
      status: 503,
      outcome: "not_completed",
      detail: "The payment did not go through and you were not charged; it is safe to try again.",
    });
    expect(problem.orderCode).toMatch(/^MC_/);
    expect(await upstreamCalls(proxy(), "PUT", COMPLETE_PATH)).toBe(1);

    // Minted never completed it, so nothing was stored: the same key tries again, once.
    await controlClient(proxy().sandbox.url).faults.clear();
    const again = await complete(api, body, key);
    expect(again.status, again.text).toBe(200);
    expect(again.json).toMatchObject({ orderCode: problem.orderCode, status: "pending" });
    expect(await upstreamCalls(proxy(), "PUT", COMPLETE_PATH)).toBe(2);
    const repeat = await complete(api, body, key);
    expect(repeat.text).toBe(again.text);
    expect(repeat.headers.get("idempotent-replayed")).toBe("true");
    expect(await upstreamCalls(proxy(), "PUT", COMPLETE_PATH)).toBe(2);
  });

  it("a lost completion answer: the return page tells a never-completed basket from one at the bank", async () => {
    const api = await apiClient(proxy(), IND);
    const { legalAcceptances, quote } = await readyToComplete(api);
    const body = { quoteId: quote.quoteId, paymentType: "card", legalAcceptances };

    // Minted never saw the completion (refused before running): nothing was charged, and the
    // return page says so, so that the shop offers a new attempt.
    await controlClient(proxy().sandbox.url).faults.add({
      method: "PUT",
      path: COMPLETE_PATH,
      status: 503,
      count: 1,
    });
    const lost: any = (await complete(api, body)).json;
    expect(lost.orderCode).toMatch(/^MC_/);
    const notPlaced = await api.call("GET", `/api/checkout/return?order=${String(lost.orderCode)}`);
    expect(notPlaced.json).toEqual({
      orderCode: lost.orderCode,
      status: "failed",
      failureCode: "not_completed",
      failureReason: "The payment did not start; you were not charged.",
    });

    // Minted completed it but the answer was cut: the proxy reads the order back and answers
    // the real result, the bank's page included, as if the answer had arrived.
    await controlClient(proxy().sandbox.url).faults.add({
      method: "PUT",
      path: COMPLETE_PATH,
      malformed: true,
      count: 1,
    });
    const cut = await complete(api, body);
    expect(cut.status, cut.text).toBe(200);
    const result: any = cut.json;
    expect(result).toMatchObject({ orderCode: lost.orderCode, status: "pending" });
    expect(result.payment.redirectUrl).toMatch(new RegExp(`^${proxy().sandbox.url}/pay/`));
    const waiting: any = (
      await api.call("GET", `/api/checkout/return?order=${String(result.orderCode)}`)
    ).json;
    expect(waiting).toMatchObject({ orderCode: lost.orderCode, status: "pending" });
    expect(waiting.redirectUrl).toBe(result.payment.redirectUrl);

    await fetch(`${String(waiting.redirectUrl)}/callback/success?code=123456`, {
      redirect: "manual",
    });
    const paid = await api.call("GET", `/api/checkout/return?order=${String(lost.orderCode)}`);
    expect(paid.json).toEqual({ orderCode: lost.orderCode, status: "paid" });
    expect(await upstreamCalls(proxy(), "PUT", COMPLETE_PATH)).toBe(2);
  });

  it("is for customers; guests bind their identity first", async () => {
    const guest = await apiClient(proxy(), null);
    expect((await guest.call("GET", "/api/checkout/quote")).status).toBe(401);
    const api = await apiClient(proxy(), IND);
    const empty = await api.call("GET", "/api/checkout/quote");
    expect(empty.status).toBe(422);
    expect(empty.json).toMatchObject({ errors: { basket: ["Your basket is empty."] } });
  });

  it("a guest has no wallet: not offered, and a wallet completion is refused before Minted", async () => {
    const guest = await apiClient(proxy(), null);
    const bound = await guest.call("POST", "/api/session/identity", {
      accountType: "person",
      firstname: "Can",
      lastname: "Demir",
      identityNumber: "46714948610",
      email: "can@example.com",
      phone: "0532 111 22 33",
    });
    expect(bound.status, bound.text).toBe(200);
    const types: any = (await guest.call("GET", "/api/checkout/payment-types")).json;
    expect(types.paymentTypes.map((p: { type: string }) => p.type)).toEqual(["card"]);

    await guest.call("POST", "/api/basket/items", { sku: GOLD_1G, quantity: 1 });
    const { legalAcceptances } = await acceptLegalDocuments(guest);
    const quote: any = (await guest.call("GET", "/api/checkout/quote")).json;
    const refused = await complete(guest, {
      quoteId: quote.quoteId,
      paymentType: "wallet",
      legalAcceptances,
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(refused.json).toMatchObject({
      code: "validation_failed",
      errors: { paymentType: [expect.stringContaining("wallet")] },
    });
    expect(await upstreamCalls(proxy(), "PUT", COMPLETE_PATH)).toBe(0);
  });
});
