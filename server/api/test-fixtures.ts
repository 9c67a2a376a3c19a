import { z } from "zod";
import { curl } from "../../sandbox/test-support.ts";
import { controlClient } from "../../sandbox/control-client.ts";

/** Test helpers that drive the sandbox directly (curl's own Digest), not through the proxy. */

const envelope = <T extends z.ZodType>(data: T) => z.object({ data });
const basketSchema = envelope(
  z.object({ token: z.string(), increment_id: z.string(), status_name: z.string() }),
);

async function call(url: string, path: string, method: string, body: unknown) {
  const res = await curl(url, path, { method, body });
  if (res.status !== 200) throw new Error(`${method} ${path}: ${String(res.status)} ${res.text}`);
  return basketSchema.parse(res.json).data;
}

/**
 * A paid (cash) physical order of DEMO-IND-001 with its saved addresses 1931 (shipping) and
 * 1932 (billing); returns the order code (increment_id).
 */
export async function completeCashOrder(
  sandboxUrl: string,
  options: {
    customer?: string;
    sku?: string;
    qty?: number;
    shipping?: number;
    billing?: number;
  } = {},
): Promise<string> {
  const external_customer_id = options.customer ?? "DEMO-IND-001";
  const added = await call(sandboxUrl, "/partner/ecom/basket", "POST", {
    external_customer_id,
    sku: options.sku ?? "MNTGB00010",
    qty: options.qty ?? 1,
  });
  const cart_token = added.token;
  await call(sandboxUrl, "/partner/ecom/basket/setaddress", "PATCH", {
    external_customer_id,
    cart_token,
    shipping_address_id: options.shipping ?? 1931,
    billing_address_id: options.billing ?? 1932,
  });
  const done = await call(sandboxUrl, "/partner/ecom/basket/complete", "PUT", {
    external_customer_id,
    cart_token,
    payment_type: "cash",
  });
  return done.increment_id;
}

/** The sandbox's request log for a path prefix. */
export async function upstreamRequests(
  sandboxUrl: string,
  path: string,
): Promise<{ path: string; status: number }[]> {
  return controlClient(sandboxUrl).requests.list({ path, limit: 5000 });
}
