import { describe, expect, it } from "vitest";
import { fileLinkSchema } from "../../contract/files.ts";
import { apiClient, useTestProxy, type ApiClient } from "./api-test-client.ts";

/**
 * Development without PUBLIC_URL: invoice links and 3-D Secure return URLs are on the address
 * the proxy listens on (HOST:PORT), whatever `Host` and `Origin` the request carries.
 */
const proxy = useTestProxy({ env: { PUBLIC_URL: "", PORT: "8123" } });
const LISTENING = "http://127.0.0.1:8123";
const EVIL = "http://evil.example";

/** Every request as if sent to http://evil.example (Host and Origin); completes the checkout. */
async function completeFromEvil(api: ApiClient, paymentType: "card" | "wallet") {
  const call = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => api.call(method, `${EVIL}${path}`, body, { origin: EVIL, ...headers });
  expect((await call("POST", "/api/basket/items", { sku: "MNTGB00010", quantity: 1 })).status).toBe(
    200,
  );
  const addresses = { shippingAddressId: 1931, billingAddressId: 1932 };
  expect((await call("PUT", "/api/checkout/addresses", addresses)).status).toBe(200);
  const legal = (await call("GET", "/api/checkout/legal")).json as {
    documents: { type: string; version: string }[];
  };
  const accepted = await call("PUT", "/api/checkout/legal/acceptance", {
    documents: legal.documents.map((d) => ({ type: d.type, version: d.version })),
    accepted: true,
  });
  expect(accepted.status, accepted.text).toBe(200);
  const quote = (await call("GET", "/api/checkout/quote")).json as { quoteId: string };
  const done = await call(
    "POST",
    "/api/checkout/complete",
    {
      quoteId: quote.quoteId,
      paymentType,
      ...(paymentType === "card" ? { installments: 1 } : {}),
      legalAcceptances: legal.documents.map((d) => ({ type: d.type })),
    },
    { "idempotency-key": `shop-origin-${paymentType}-${String(Date.now())}` },
  );
  expect(done.status, done.text).toBe(200);
  return { call, done: done.json as { payment?: { redirectUrl: string }; orderCode: string } };
}

describe("the shop's origin is not the request's", () => {
  it("an invoice link asked for with Host: evil.example points at the listening address", async () => {
    const api = await apiClient(proxy(), "DEMO-IND-001", "tr");
    const { call, done } = await completeFromEvil(api, "wallet");
    const res = await call("GET", `/api/orders/${done.orderCode}/invoice/pdf`);
    expect(res.status, res.text).toBe(200);
    expect(fileLinkSchema.parse(res.json).url.startsWith(`${LISTENING}/api/files/invoices/`)).toBe(
      true,
    );
  });

  it("a card completion with Host and Origin evil.example returns from the bank to the listening address", async () => {
    const api = await apiClient(proxy(), "DEMO-IND-001", "en");
    const { done } = await completeFromEvil(api, "card");
    const { payment, orderCode } = done;
    const back = await fetch(`${String(payment?.redirectUrl)}/callback/success?code=123456`, {
      redirect: "manual",
    });
    expect(back.headers.get("location")).toBe(
      `${LISTENING}/checkout/return?order=${orderCode}&status=success`,
    );
  });
});
