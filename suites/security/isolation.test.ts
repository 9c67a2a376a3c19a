import { describe, expect, it } from "vitest";
import { z } from "zod";
import { curl } from "../../sandbox/test-support.ts";
import {
  apiClient,
  paidOrder,
  useTestProxy,
  type ApiClient,
} from "../../server/api/api-test-client.ts";

/**
 * Customer B, with a real session of their own, tries every way to read or act on customer A's
 * data by id: orders, invoices (and the PDF link), receipts, addresses, baskets, wallet orders.
 * Each must look exactly like a missing id (404 `not_found`), and nothing of A's may appear in
 * what B can list.
 */

const A = "DEMO-IND-001";
const B = "DEMO-CORP-001";
const proxy = useTestProxy({
  env: { RATE_LIMIT_PER_MINUTE: "100000", RATE_LIMIT_IP_PER_MINUTE: "100000" },
});

const idSchema = z.object({ id: z.number(), orderCode: z.string() });
const quoteSchema = z.object({ quoteId: z.string() });
const linkSchema = z.object({ url: z.string() });
const upstreamBasketSchema = z.object({ data: z.object({ id: z.number() }) });

async function notFound(api: ApiClient, method: string, path: string, body?: unknown) {
  const res = await api.call(method, path, body);
  expect(res.status, `${method} ${path}: ${res.text}`).toBe(404);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.json).toMatchObject({ code: "not_found" });
}

describe("customer B against customer A's data", () => {
  it("cannot read or use A's orders, invoices, receipts, addresses, baskets or wallet orders", async () => {
    const a = await apiClient(proxy(), A);
    const b = await apiClient(proxy(), B);

    // A's data: a paid order, a wallet order, an incomplete basket, an active basket, addresses.
    const orderCode = await paidOrder(a);
    const pdf = linkSchema.parse(
      (await a.call("GET", `/api/orders/${orderCode}/invoice/pdf`)).json,
    );
    const walletBasket = quoteSchema.parse(
      (await a.call("POST", "/api/wallet/baskets/buy/items", { sku: "MNTGB00010", quantity: 1 }))
        .json,
    );
    const walletOrder = idSchema.parse(
      (
        await a.call(
          "POST",
          "/api/wallet/baskets/buy/complete",
          { quoteId: walletBasket.quoteId },
          { "idempotency-key": `isolation-${String(Date.now())}` },
        )
      ).json,
    );
    const other = upstreamBasketSchema.parse(
      (
        await curl(proxy().sandbox.url, "/partner/ecom/basket", {
          method: "POST",
          body: { external_customer_id: A, sku: "MNTSB00050", qty: 3 },
        })
      ).json,
    );
    expect(
      (await a.call("POST", "/api/basket/items", { sku: "MNTGC00175", quantity: 2 })).status,
    ).toBe(200);

    // By id: each looks missing.
    await notFound(b, "GET", `/api/orders/${orderCode}`);
    await notFound(b, "GET", `/api/orders/${orderCode}/invoice`);
    await notFound(b, "GET", `/api/orders/${orderCode}/invoice/pdf`);
    await notFound(b, "GET", `/api/orders/${orderCode}/receipt`);
    await notFound(b, "GET", `/api/wallet/orders/${String(walletOrder.id)}/receipt`);
    await notFound(b, "DELETE", "/api/addresses/1931");
    // With something in B's basket, so that the addresses themselves are what is checked.
    expect(
      (await b.call("POST", "/api/basket/items", { sku: "MNTSB00050", quantity: 1 })).status,
    ).toBe(200);
    await notFound(b, "PUT", "/api/checkout/addresses", {
      shippingAddressId: 1931,
      billingAddressId: 1932,
    });
    await notFound(b, "POST", `/api/baskets/incomplete/${String(other.data.id)}/resume`);
    // A receipt lookup with A's order code but B's e-mail.
    await notFound(b, "POST", "/api/receipts/lookup", {
      orderCode,
      email: "corp@example.com",
    });

    // The PDF link is A's alone: a tampered token is a missing file, B's cookie adds nothing.
    const path = new URL(pdf.url).pathname;
    const token = path.split("/")[4] ?? "";
    const flipped = token.slice(0, -2) + (token.endsWith("A") ? "B" : "A") + token.slice(-1);
    await notFound(b, "GET", path.replace(token, flipped));

    // In B's lists: nothing of A's.
    const lists = await Promise.all(
      [
        "/api/orders",
        "/api/addresses",
        "/api/basket",
        "/api/baskets/incomplete",
        "/api/wallet/orders",
        "/api/wallet/baskets/buy",
        "/api/checkout",
      ].map((p) => b.call("GET", p)),
    );
    for (const res of lists) {
      expect(res.status).toBeLessThan(500);
      expect(res.text).not.toContain(orderCode);
      expect(res.text).not.toContain(walletOrder.orderCode);
      expect(res.text).not.toContain("MNTGC00175");
      expect(res.text).not.toContain("Ayşe");
      expect(res.text).not.toContain(`"id":${String(other.data.id)}`);
    }

    // And A still has it all.
    expect((await a.call("GET", `/api/orders/${orderCode}/receipt`)).status).toBe(200);
    expect((await a.call("GET", "/api/addresses")).text).toContain("1931");
  });
});
