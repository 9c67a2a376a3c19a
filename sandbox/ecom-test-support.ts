import { z } from "zod";
import { control, curl, type CurlResult } from "./test-support.ts";

/** Shared steps of the E-Commerce, Webview and 3-D Secure tests. */

export const IND = "DEMO-IND-001";
export const CORP = "DEMO-CORP-001";
/** The seeded addresses of DEMO-IND-001 (shipping, billing) and DEMO-CORP-001 (billing). */
export const IND_SHIPPING = 1931;
export const IND_BILLING = 1932;
export const CORP_BILLING = 1933;

/** 1 g gold bar: spot 4100 + markup 102.50 + minting 60 = 4262.50, VAT-exempt. */
export const GOLD_1G = "MNTGB00010";
/** 50 g silver bar: spot 2600 + markup 156 + minting 90 = 2846, VAT 20 %. */
export const SILVER_50G = "MNTSB00050";

/** Back to the seed with gold and silver pinned, so every total is exact. */
export async function resetPinned(url: string): Promise<void> {
  await control(url, "POST", "/reset");
  await control(url, "PUT", "/prices", {
    GAU: { bid: 4000, ask: 4100 },
    GAG: { bid: 50, ask: 52 },
  });
}

export function addItem(
  url: string,
  customer: string,
  sku: string,
  qty: number,
  cartToken?: string,
): Promise<CurlResult> {
  const body = {
    external_customer_id: customer,
    sku,
    qty,
    ...(cartToken ? { cart_token: cartToken } : {}),
  };
  return curl(url, "/partner/ecom/basket", { method: "POST", body });
}

const orderToken = z.object({ data: z.object({ token: z.string() }) });

/** A new basket holding the items; returns its cart token. */
export async function basketWith(
  url: string,
  customer: string,
  items: [string, number][],
): Promise<string> {
  let token: string | undefined;
  for (const [sku, qty] of items) {
    const res = await addItem(url, customer, sku, qty, token);
    if (res.status !== 200) throw new Error(`add ${sku}: ${res.status} ${res.text}`);
    token = orderToken.parse(res.json).data.token;
  }
  if (!token) throw new Error("no items");
  return token;
}

export function setSavedAddresses(
  url: string,
  customer: string,
  cartToken: string,
  ids: [number, number] = [IND_SHIPPING, IND_BILLING],
): Promise<CurlResult> {
  return curl(url, "/partner/ecom/basket/setaddress", {
    method: "PATCH",
    body: {
      external_customer_id: customer,
      cart_token: cartToken,
      shipping_address_id: ids[0],
      billing_address_id: ids[1],
    },
  });
}

export function completeBasket(url: string, body: Record<string, unknown>): Promise<CurlResult> {
  return curl(url, "/partner/ecom/basket/complete", { method: "PUT", body });
}

export function getOrder(url: string, customer: string, cartToken: string): Promise<CurlResult> {
  return curl(url, "/partner/ecom/getorder", {
    method: "POST",
    body: { customer_external_id: customer, cart_token: cartToken },
  });
}

/** A card order of DEMO-IND-001 for `items`, waiting on the 3-D Secure page. */
export async function cardOrder(
  url: string,
  items: [string, number][],
  extra: Record<string, unknown> = {},
): Promise<{ cartToken: string; order: CurlResult }> {
  const cartToken = await basketWith(url, IND, items);
  await setSavedAddresses(url, IND, cartToken);
  const order = await completeBasket(url, {
    external_customer_id: IND,
    cart_token: cartToken,
    payment_type: "creditcard",
    return_url: "https://shop.example.com/checkout/return",
    ...extra,
  });
  return { cartToken, order };
}
