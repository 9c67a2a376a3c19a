import { expect, type APIResponse, type Page } from "@playwright/test";
import { z } from "zod";

/**
 * A purchase made through the proxy API in the page's own session (setup for specs that start
 * after the checkout): basket → the customer's saved addresses → both legal documents accepted
 * → the current quote → completion with an Idempotency-Key. The page must already be in a
 * customer session (e.g. after `/dev/launch?customer=DEMO-IND-001&to=/`).
 */

export interface PurchaseOptions {
  /** "wallet" is paid at once; "card" leaves the order waiting for 3-D Secure. */
  paymentType: "wallet" | "card";
  /** Card only (1, 3 or 6). */
  installments?: 1 | 3 | 6;
  /** Products and quantities to buy (default one 1 g gold bar). */
  items?: readonly { sku: string; quantity: number }[];
}

export interface Purchase {
  orderCode: string;
  /** "paid" for the wallet; "pending" for a card until the bank page is answered. */
  status: string;
  /** The bank's 3-D Secure page of a card payment. */
  redirectUrl: string | null;
  /** As the proxy recorded them (its clock, upstream's versions). */
  legalAcceptances: { type: string; version: string; acceptedAt: string }[];
}

async function json<T extends z.ZodType>(
  res: APIResponse,
  what: string,
  schema: T,
): Promise<z.output<T>> {
  const text = await res.text();
  expect(res.ok(), `${what}: ${String(res.status())} ${text}`).toBe(true);
  return schema.parse(JSON.parse(text));
}

const addressesSchema = z.object({
  addresses: z.array(z.object({ id: z.number(), type: z.string() })),
});
const legalSchema = z.object({
  documents: z.array(z.object({ type: z.string(), version: z.string() })),
});
const acceptancesSchema = z.object({
  acceptances: z.array(z.object({ type: z.string(), version: z.string(), acceptedAt: z.string() })),
});
const quoteSchema = z.object({ quoteId: z.string() });
const completedSchema = z.object({
  orderCode: z.string(),
  status: z.string(),
  payment: z.object({ redirectUrl: z.string().optional() }),
});

/** Buys through `/api` as the page's session customer; returns the order code and outcome. */
export async function purchaseDetails(page: Page, options: PurchaseOptions): Promise<Purchase> {
  const origin = new URL(page.url()).origin;
  const headers = { origin };
  const request = page.request;

  for (const item of options.items ?? [{ sku: "MNTGB00010", quantity: 1 }])
    await json(
      await request.post("/api/basket/items", { data: item, headers }),
      "add to basket",
      z.unknown(),
    );

  const { addresses } = await json(
    await request.get("/api/addresses"),
    "addresses",
    addressesSchema,
  );
  const idOf = (type: string) => {
    const found = addresses.find((a) => a.type === type) ?? addresses[0];
    if (!found) throw new Error("the customer has no saved address");
    return found.id;
  };
  await json(
    await request.put("/api/checkout/addresses", {
      data: { shippingAddressId: idOf("shipping"), billingAddressId: idOf("billing") },
      headers,
    }),
    "checkout addresses",
    z.unknown(),
  );

  const { documents } = await json(await request.get("/api/checkout/legal"), "legal", legalSchema);
  // The proxy records the acceptance (its clock, upstream's versions); the completion names types.
  const { acceptances } = await json(
    await request.put("/api/checkout/legal/acceptance", {
      data: {
        documents: documents.map(({ type, version }) => ({ type, version })),
        accepted: true,
      },
      headers,
    }),
    "legal acceptance",
    acceptancesSchema,
  );
  const quote = await json(await request.get("/api/checkout/quote"), "quote", quoteSchema);

  const card = options.paymentType === "card";
  const done = await json(
    await request.post("/api/checkout/complete", {
      data: {
        quoteId: quote.quoteId,
        paymentType: options.paymentType,
        ...(card ? { installments: options.installments ?? 1 } : {}),
        legalAcceptances: documents.map(({ type }) => ({ type })),
      },
      headers: { ...headers, "Idempotency-Key": `e2e-${crypto.randomUUID()}` },
    }),
    "complete checkout",
    completedSchema,
  );
  return {
    orderCode: done.orderCode,
    status: done.status,
    redirectUrl: done.payment.redirectUrl ?? null,
    legalAcceptances: acceptances,
  };
}

/** Buys through `/api` as the page's session customer; returns the order code. */
export async function purchaseThroughApi(page: Page, options: PurchaseOptions): Promise<string> {
  return (await purchaseDetails(page, options)).orderCode;
}
