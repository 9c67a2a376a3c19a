import { describe, expect, it } from "vitest";
import { apiClient, useTestProxy, upstreamCalls, type ApiClient } from "./api-test-client.ts";
import { readCheckoutRecord } from "./checkout-records.ts";
import { controlClient } from "../../sandbox/control-client.ts";

const IND = "DEMO-IND-001";
const CORP = "DEMO-CORP-001";
const COMPLETE_PATH = "/partner/ecom/basket/complete";
const BOTH = [
  { type: "pre_information", version: "2026.1" },
  { type: "distance_sales", version: "2026.1" },
];
const TYPES_ONLY = BOTH.map(({ type }) => ({ type }));

/** The proxy's clock: a fixed time the test moves on by hand, far from any real "now". */
let clock = Date.parse("2026-03-04T05:06:07.000Z");
const proxy = useTestProxy({ now: () => clock });

let keys = 0;
const newKey = () => `consent-test-${String(++keys).padStart(4, "0")}-${String(Date.now())}`;

/** A basket with one gold bar, with DEMO-IND-001's saved addresses unless `addresses` is false. */
async function basketWithAddresses(api: ApiClient, addresses = true) {
  const add = await api.call("POST", "/api/basket/items", { sku: "MNTGB00010", quantity: 1 });
  expect(add.status, add.text).toBe(200);
  if (!addresses) return;
  const set = await api.call("PUT", "/api/checkout/addresses", {
    shippingAddressId: 1931,
    billingAddressId: 1932,
  });
  expect(set.status, set.text).toBe(200);
}

const accept = (api: ApiClient, documents: unknown, accepted = true, extra = {}) =>
  api.call("PUT", "/api/checkout/legal/acceptance", { documents, accepted, ...extra });

async function completeWallet(api: ApiClient, legalAcceptances: unknown) {
  const quote = (await api.call("GET", "/api/checkout/quote")).json as { quoteId: string };
  return api.call(
    "POST",
    "/api/checkout/complete",
    { quoteId: quote.quoteId, paymentType: "wallet", legalAcceptances },
    { "idempotency-key": newKey() },
  );
}

const legalOf = async (api: ApiClient) =>
  (await api.call("GET", "/api/checkout/legal")).json as {
    documents: { type: string; version: string }[];
    acceptances: { type: string; version: string; acceptedAt: string }[];
  };

describe("consent recorded by the proxy", () => {
  it("the receipt shows the proxy's time and upstream's version, never a forged acceptedAt", async () => {
    clock = Date.parse("2026-03-04T05:06:07.000Z");
    const api = await apiClient(proxy(), IND);
    await basketWithAddresses(api);
    const recorded = await accept(api, BOTH);
    expect(recorded.status, recorded.text).toBe(200);
    const proof = BOTH.map((d) => ({ ...d, acceptedAt: "2026-03-04T05:06:07.000Z" }));
    expect(recorded.json).toEqual({ acceptances: proof });

    // The body still carries the old shape with a forged time and version: both are ignored.
    clock += 90_000;
    const done = await completeWallet(
      api,
      BOTH.map(({ type }) => ({ type, version: "1999.1", acceptedAt: "2099-01-01T00:00:00Z" })),
    );
    expect(done.status, done.text).toBe(200);
    const { orderCode } = done.json as { orderCode: string };
    const receipt = await api.call("GET", `/api/orders/${orderCode}/receipt`);
    expect(receipt.status, receipt.text).toBe(200);
    expect((receipt.json as { legalAcceptances: unknown }).legalAcceptances).toEqual(proof);
    expect(receipt.text).not.toContain("2099");
    expect(
      (await readCheckoutRecord(proxy().deps.store, orderCode, IND))?.legalAcceptances,
    ).toEqual(proof);

    // The acceptance was of that basket: the next one starts unaccepted.
    await basketWithAddresses(api);
    expect((await legalOf(api)).acceptances).toEqual([]);
  });

  it("reloading keeps the acceptance; ticking again keeps the first time; unticking withdraws it", async () => {
    clock = Date.parse("2026-05-01T10:00:00.000Z");
    const api = await apiClient(proxy(), IND);
    await basketWithAddresses(api);
    expect((await legalOf(api)).acceptances).toEqual([]);

    expect((await accept(api, BOTH.slice(0, 1))).status).toBe(200);
    clock += 5_000;
    expect((await accept(api, BOTH.slice(1))).status).toBe(200);
    const first = [
      { ...BOTH[0], acceptedAt: "2026-05-01T10:00:00.000Z" },
      { ...BOTH[1], acceptedAt: "2026-05-01T10:00:05.000Z" },
    ];
    // A reload of the page reads the documents again: the acceptances come with them.
    expect((await legalOf(api)).acceptances).toEqual(first);

    clock += 60_000;
    expect((await accept(api, BOTH)).json).toEqual({ acceptances: first });

    const untick = await accept(api, BOTH.slice(0, 1), false);
    expect(untick.json).toEqual({ acceptances: first.slice(1) });
    expect((await legalOf(api)).acceptances).toEqual(first.slice(1));
    const refused = await completeWallet(api, TYPES_ONLY);
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({
      code: "validation_failed",
      errors: { legalAcceptances: ["Please read and accept the Pre-information form."] },
    });
  });

  it("an acceptance recorded before upstream changed a document no longer counts", async () => {
    clock = Date.parse("2026-06-01T08:00:00.000Z");
    const api = await apiClient(proxy(), IND, "tr");
    await basketWithAddresses(api);
    expect((await accept(api, BOTH)).status).toBe(200);

    await controlClient(proxy().sandbox.url).config.set({ legal_version: "2026.2" });
    const legal = await legalOf(api);
    expect(legal.documents.map((d) => d.version)).toEqual(["2026.2", "2026.2"]);
    // Still shown (the browser tells the customer what changed), but of the old version.
    expect(legal.acceptances.map((a) => a.version)).toEqual(["2026.1", "2026.1"]);

    const refused = await completeWallet(api, TYPES_ONLY);
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({
      code: "validation_failed",
      errors: {
        legalAcceptances: [
          "Ön Bilgilendirme Formu güncellendi (sürüm 2026.2); lütfen okuyup yeniden onaylayın.",
          "Mesafeli Satış Sözleşmesi güncellendi (sürüm 2026.2); lütfen okuyup yeniden onaylayın.",
        ],
      },
    });
    expect(await upstreamCalls(proxy(), "PUT", COMPLETE_PATH)).toBe(0);

    // Accepting the version the customer has not been shown is refused too.
    const stale = await accept(api, BOTH);
    expect(stale.status).toBe(422);
    expect(Object.keys((stale.json as { errors: object }).errors)).toEqual(["documents"]);

    clock += 30_000;
    const current = BOTH.map((d) => ({ ...d, version: "2026.2" }));
    expect((await accept(api, current)).json).toEqual({
      acceptances: current.map((d) => ({ ...d, acceptedAt: "2026-06-01T08:00:30.000Z" })),
    });
    const done = await completeWallet(api, TYPES_ONLY);
    expect(done.status, done.text).toBe(200);
  });

  it("an acceptance is the session customer's own basket's: another customer cannot make or see it", async () => {
    const ind = await apiClient(proxy(), IND);
    const corp = await apiClient(proxy(), CORP);
    await basketWithAddresses(ind);
    await basketWithAddresses(corp, false);

    // Naming the other customer or a basket in the body changes nothing: the session decides.
    const foreign = await accept(corp, BOTH, true, { customer: IND, cartToken: "x".repeat(32) });
    expect(foreign.status, foreign.text).toBe(200);
    expect((await legalOf(ind)).acceptances).toEqual([]);
    const refused = await completeWallet(ind, TYPES_ONLY);
    expect(refused.status).toBe(422);
    expect(Object.keys((refused.json as { errors: object }).errors)).toEqual(["legalAcceptances"]);

    expect((await accept(ind, BOTH)).status).toBe(200);
    const withdrawn = await accept(corp, BOTH, false);
    expect(withdrawn.json).toEqual({ acceptances: [] });
    expect((await legalOf(ind)).acceptances).toHaveLength(2);
  });

  it("validates the body and needs a customer with a basket", async () => {
    const api = await apiClient(proxy(), IND);
    await basketWithAddresses(api);
    for (const documents of [[], [{ type: "privacy", version: "2026.1" }], [BOTH[0], BOTH[0]]]) {
      const res = await accept(api, documents);
      expect(res.status, JSON.stringify(documents)).toBe(422);
      expect(res.json).toMatchObject({ code: "validation_failed" });
    }
    expect((await accept(api, BOTH, "yes" as unknown as boolean)).status).toBe(422);
    const guest = await apiClient(proxy(), null);
    expect((await accept(guest, BOTH)).status).toBe(401);
  });
});
