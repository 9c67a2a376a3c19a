import { z } from "zod";
import type { SandboxContext } from "../context.ts";
import { installmentsOf, type CompleteRequest } from "../domain/ecom-order.ts";
import { STATUS_NAME } from "../domain/order-status.ts";
import { cartToken, csv, customerId, date, int } from "../http/http.ts";

/** E-Commerce request bodies and queries: Complete Basket and Get Orders. */

/** Body of Complete (Digest) and Complete (Webview), less the customer. */
export const completeFields = z.object({
  cart_token: cartToken(),
  payment_type: z.enum(["creditcard", "cash"]),
  installment: int().optional(),
  return_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  external_id: z.string().trim().min(1).max(110).optional(),
});

/** Card payments need a return URL and an offered instalment count; cash is paid at once. */
export function completeRules(ctx: SandboxContext) {
  return (v: CompleteRequest, issue: z.RefinementCtx): void => {
    if (v.payment_type === "creditcard" && v.return_url === undefined)
      issue.addIssue({
        code: "custom",
        path: ["return_url"],
        params: {
          tr: "Kartlı ödemede return_url gereklidir.",
          en: "The return url field is required when payment type is creditcard.",
        },
      });
    if (v.installment !== undefined && !installmentsOf(ctx, v.payment_type).includes(v.installment))
      issue.addIssue({
        code: "custom",
        path: ["installment"],
        params: {
          tr: "Bu ödeme tipi için seçilen taksit sayısı geçersiz.",
          en: "The selected installment is invalid for this payment type.",
        },
      });
  };
}

/** `startDate` ≤ `endDate` when both are given. */
export function dateOrder(
  v: { startDate?: string | undefined; endDate?: string | undefined },
  issue: z.RefinementCtx,
): void {
  if (v.startDate !== undefined && v.endDate !== undefined && v.startDate > v.endDate)
    issue.addIssue({
      code: "custom",
      path: ["endDate"],
      params: {
        tr: "endDate, startDate'ten önce olamaz.",
        en: "The end date must be a date after or equal to start date.",
      },
    });
}

const STATUS_IDS = new Map(
  Object.entries(STATUS_NAME).map(([id, name]) => [name.toLowerCase(), Number(id)]),
);

/** A status filter item: an id ("2") or a name ("Payment Confirmed"). */
const statusItem = z.string().transform((s, issue) => {
  const id = /^\d+$/.test(s) ? Number(s) : STATUS_IDS.get(s.toLowerCase());
  if (id !== undefined && STATUS_NAME[id] !== undefined) return id;
  issue.addIssue({
    code: "custom",
    params: { tr: `Geçersiz sipariş durumu: ${s}.`, en: `The selected status ${s} is invalid.` },
  });
  return z.NEVER;
});

/** Get Orders query (§6.11); the Webview variant takes the customer from its token. */
export const ordersQuery = z
  .object({
    page: int().pipe(z.number().min(1)).default(1),
    total: int().pipe(z.number().min(5).max(30)).default(10),
    customer_external_id: customerId().optional(),
    sku: z.string().min(3).max(21).optional(),
    sortBy: z.enum(["type", "total", "customer_external_id", "created_at"]).default("created_at"),
    sortType: z.enum(["asc", "desc"]).default("desc"),
    status: csv(statusItem).optional(),
    startDate: date().optional(),
    endDate: date().optional(),
  })
  .superRefine(dateOrder);

export type OrdersQuery = z.output<typeof ordersQuery>;
