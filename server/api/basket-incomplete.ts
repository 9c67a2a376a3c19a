import * as ops from "../../contract/api/basket.ts";
import type { AppDeps } from "../deps.ts";
import { ApiError } from "../problem.ts";
import { activeBasket, customerBasketView, moveLines } from "./basket.ts";
import { handle, type RouteSpec } from "./registry.ts";
import { withOurFieldNames } from "./upstream-refusals.ts";

/** The customer's other unfinished baskets upstream, and resuming one into the active basket. */

export function incompleteBasketRoutes(deps: AppDeps): RouteSpec[] {
  return [
    handle(ops.listIncompleteBaskets, {
      handler: async ({ customer }) => {
        const { others } = await incompleteBaskets(deps, customer);
        return {
          baskets: others.map((o) => ({
            id: o.id,
            itemCount: o.items.length,
            preview: o.items.slice(0, 3).map((i) => i.product_name),
            total: o.paid_total,
            currency: "TRY" as const,
          })),
        };
      },
    }),
    handle(ops.resumeIncompleteBasket, {
      handler: async ({ c, params, customer }) => {
        const { active, others } = await incompleteBaskets(deps, customer);
        if (active?.id === params.id)
          return { basket: await customerBasketView(deps, c, active), skipped: [] };
        const old = others.find((o) => o.id === params.id);
        if (!old) throw new ApiError("not_found");
        const lines = old.items.map((i) => ({ sku: i.sku, qty: i.amount }));
        const moved = await moveLines(deps, c, customer, active, lines);
        await withOurFieldNames(
          deps.upstream.call({
            op: "basketClear",
            body: { external_customer_id: customer, cart_token: old.token },
          }),
        );
        return { basket: await customerBasketView(deps, c, moved.order), skipped: moved.skipped };
      },
    }),
  ];
}

/** The active basket and the customer's other open, non-empty baskets (newest first). */
async function incompleteBaskets(deps: AppDeps, customer: string) {
  const [active, page] = await Promise.all([
    activeBasket(deps, customer),
    deps.upstream.call({
      op: "basketsIncomplete",
      query: { customer_external_id: customer, page: 1, total: 100 },
    }),
  ]);
  const others = page.data.filter(
    (o) =>
      o.order_creation_status === "basket" &&
      o.id !== active?.id &&
      o.items.length > 0 &&
      o.customer?.external_id === customer,
  );
  return { active, others };
}
