import { afterEach, describe, expect, it, vi } from "vitest";
import type { Receipt } from "../../../contract/orders";
import { ApiProblem } from "../../lib/api";
import {
  isNotFound,
  isPaymentPending,
  isSignedOut,
  receiptRefetchInterval,
} from "./receipt-queries";

const paid: Receipt = {
  orderCode: "MC_ABC123",
  status: "payment_confirmed",
  orderedAt: "2026-01-15T09:30:00.000Z",
  currency: "TRY",
  items: [
    {
      sku: "MNTGB00010",
      name: "Gold bar 1 g",
      quantity: 1,
      weightGrams: 1,
      unitPrice: 4262.5,
      vatRate: 0,
      vat: 0,
      total: 4262.5,
      image: null,
    },
  ],
  fees: [{ kind: "delivery", label: "Delivery", amount: 149.9 }],
  totals: { subtotal: 4262.5, vat: 0, fees: 149.9, total: 4412.4 },
  paidAmount: 4412.4,
  payment: {
    method: "card",
    state: "paid",
    cardMasked: "**** **** **** 4321",
    cardBrand: "Visa",
    installments: 3,
  },
  shippingAddress: null,
  billingAddress: null,
  legalAcceptances: [
    { type: "pre_information", version: "2026.1", acceptedAt: "2026-01-15T09:29:00.000Z" },
  ],
};

const pending: Receipt = {
  ...paid,
  status: "created",
  paidAmount: 0,
  payment: { method: "card", state: "pending", cardMasked: null, cardBrand: null, installments: 3 },
};

const fresh = { dataUpdateCount: 1, error: null };

describe("receipt refresh", () => {
  it("refreshes only while the payment is pending", () => {
    expect(isPaymentPending(pending)).toBe(true);
    expect(isPaymentPending(paid)).toBe(false);
    expect(isPaymentPending(undefined)).toBe(false);
    expect(isPaymentPending({ ...pending, status: "cancelled" })).toBe(false);
    expect(receiptRefetchInterval(paid, fresh)).toBe(false);
    expect(receiptRefetchInterval({ ...paid, payment: null }, fresh)).toBe(false);
    expect(receiptRefetchInterval(undefined, fresh)).toBe(false);
    expect(receiptRefetchInterval(pending, fresh)).toBe(2_000);
  });

  it("backs off from 2 s to at most 10 s", () => {
    const intervals = [1, 2, 3, 4, 5, 6, 20].map((n) =>
      receiptRefetchInterval(pending, { dataUpdateCount: n, error: null }),
    );
    expect(intervals).toEqual([2_000, 3_000, 4_500, 6_750, 10_000, 10_000, 10_000]);
  });

  it("stops when a read fails (a declined payment is a basket again: 404)", () => {
    const gone = new ApiProblem(404, "not_found", "Not found");
    expect(receiptRefetchInterval(pending, { dataUpdateCount: 3, error: gone })).toBe(false);
  });
});

describe("receipt problems", () => {
  it("tells not-found and signed-out apart from other failures", () => {
    expect(isNotFound(new ApiProblem(404, "not_found", undefined))).toBe(true);
    expect(isNotFound(new ApiProblem(503, "upstream_unavailable", undefined))).toBe(false);
    expect(isNotFound(new Error("boom"))).toBe(false);
    expect(isSignedOut(new ApiProblem(401, "unauthenticated", undefined))).toBe(true);
    expect(isSignedOut(new ApiProblem(0, "network", undefined))).toBe(false);
  });
});

describe("fetchReceipt", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("asks for the code's receipt and checks the answer against the contract", async () => {
    const fetch = vi.fn(() => Promise.resolve(new Response(JSON.stringify(paid), { status: 200 })));
    vi.stubGlobal("fetch", fetch);
    const { fetchReceipt } = await import("./receipt-api");
    await expect(fetchReceipt("MC_ABC123")).resolves.toEqual(paid);
    expect(fetch).toHaveBeenCalledWith("/api/orders/MC_ABC123/receipt", expect.anything());

    const older: Partial<Receipt> = { ...paid };
    delete older.legalAcceptances;
    fetch.mockResolvedValueOnce(new Response(JSON.stringify(older), { status: 200 }));
    await expect(fetchReceipt("MC_ABC123")).rejects.toMatchObject({ code: "invalid_response" });
  });
});
