import { snapshotOf } from "./ecom-address.ts";
import { newBasket } from "./ecom-order.ts";
import { totalsOf } from "./ecom-totals.ts";
import { STATUS } from "./order-status.ts";
import { token } from "./random.ts";
import type { SandboxContext } from "../context.ts";
import type { Customer, EcomBasket } from "./state.ts";

/** The physical product every seeded order holds one unit of (a 1 g gold bar). */
export const SEEDED_ORDER_SKU = "MNTGB00010";

/**
 * Control API only (tests and the bench): `count` paid cash orders of one unit of
 * SEEDED_ORDER_SKU for `customer`, the newest placed now and each earlier one `spacingMs` before
 * it, with the customer's first saved shipping and billing addresses. Written straight into the
 * state — no wallet debit, no stock move — so that a history of 1,000 orders takes milliseconds
 * instead of 3,000 signed calls. Returns the orders, oldest first.
 */
export function seedPaidOrders(
  ctx: SandboxContext,
  customer: Customer,
  count: number,
  spacingMs: number,
): EcomBasket[] {
  const saved = [...ctx.state.addresses.values()].filter(
    (a) => a.customer === customer.external_id,
  );
  const snapshot = (type: "shipping" | "billing") => {
    const address = saved.find((a) => a.type === type) ?? saved[0];
    return address ? snapshotOf(address, customer) : null;
  };
  const now = ctx.clock.now();
  const orders: EcomBasket[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const at = now - i * spacingMs;
    const b = newBasket(ctx, customer.external_id);
    b.items.set(SEEDED_ORDER_SKU, 1);
    b.shipping = snapshot("shipping");
    b.billing = snapshot("billing");
    b.createdAt = at;
    b.stage = "order";
    b.orderAt = at;
    b.paymentType = "cash";
    const totals = totalsOf(ctx, b);
    b.frozen = totals;
    const paid = totals.paid_total;
    b.payment = {
      token: token(128),
      state: "success",
      is_3d: false,
      auth_mode: "wallet",
      amount: paid,
      comission: 0,
      total: paid,
      returnUrl: null,
      errorCode: null,
      errorMessage: null,
      details: null,
      createdAt: at,
    };
    b.paidAt = at;
    // Fulfilment (preparing → shipped → completed) follows from paidAt when the order is read.
    b.statuses = [
      { status_id: STATUS.Created, at },
      { status_id: STATUS.PaymentConfirmed, at },
    ];
    ctx.state.ecomBaskets.set(b.token, b);
    orders.push(b);
  }
  return orders;
}
