import * as ops from "../../contract/api/wallet.ts";
import type { Context } from "hono";
import { z } from "zod";
import { type WalletBasketType, type WalletOrder } from "../../contract/wallet.ts";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, type Lang, t } from "../problem.ts";
import { type UpstreamWalletBasket } from "../../minted/schemas/wallet.ts";
import { handle, type RouteSpec } from "./registry.ts";
import { respondMoney, settle } from "./settle.ts";
import { refusedField, withOurNames } from "./upstream-refusals.ts";
import { cartTokenOf, quoteIdOfBasket, walletBasketView, walletOrderView } from "./wallet-views.ts";

/**
 * Completing a wallet basket (buy / sell / delivery): one basket, one order. Minted completes a
 * cart token once and refuses it after; the proxy remembers which basket a quote's completion
 * was tried on, so a repeat (same key or a new one, for the same quote) first asks Minted whether
 * that basket became an order and answers it, and an uncertain answer settles to the truth
 * (settle.ts).
 */

const COMPLETE_OPS = {
  buy: "walletCompleteBuy",
  sell: "walletCompleteSell",
  delivery: "walletCompleteDelivery",
} as const;

const MONEY_KINDS = {
  buy: "wallet_buy",
  sell: "wallet_sell",
  delivery: "wallet_delivery",
} as const;

/** How long the basket a quote's completion was tried on is remembered. */
const ATTEMPT_TTL_SECONDS = 24 * 3600;

const attemptSchema = z.object({ basketId: z.number().int(), cartToken: z.string() });
type Attempt = z.output<typeof attemptSchema>;

const attemptKey = (customer: string, type: WalletBasketType, quoteId: string) =>
  `wallet:complete:${encodeURIComponent(customer)}:${type}:${quoteId}`;

/** The customer's active basket of `type` (null when none). */
export function walletBasketOf(
  deps: AppDeps,
  customer: string,
  type: WalletBasketType,
): Promise<UpstreamWalletBasket | null> {
  return deps.upstream.call({
    op: "walletBasketGet",
    query: { external_customer_id: customer, type },
  });
}

export function walletCompleteRoute(deps: AppDeps): RouteSpec {
  const emptyError = (lang: Lang) =>
    new ApiError("validation_failed", {
      errors: { basket: [t(lang, "Sepetiniz boş.", "Your basket is empty.")] },
    });

  const priceExpired = (o: UpstreamWalletBasket | null, type: WalletBasketType, lang: Lang) =>
    new ApiError("price_expired", {
      extra: { basket: walletBasketView(o, type, lang, deps.now()) },
    });

  const readAttempt = async (key: string): Promise<Attempt | null> => {
    const raw = await deps.store.get(key);
    const parsed = raw === null ? null : attemptSchema.safeParse(JSON.parse(raw));
    return parsed?.success ? parsed.data : null;
  };

  /** The order the attempted basket became, if Minted shows one for this customer. */
  const orderOf = async (
    customer: string,
    attempt: Attempt,
  ): Promise<UpstreamWalletBasket | null> => {
    const page = await deps.upstream.call({
      op: "walletOrders",
      query: { customer_external_id: customer, orderId: attempt.basketId },
    });
    return (
      page.data.find(
        (o) =>
          o.id === attempt.basketId &&
          o.order_creation_status === "order" &&
          (o.token ?? attempt.cartToken) === attempt.cartToken &&
          (o.customer?.external_id ?? customer) === customer,
      ) ?? null
    );
  };

  const complete = async (
    c: Context<AppEnv>,
    customer: string,
    type: WalletBasketType,
    quoteId: string,
  ): Promise<WalletOrder> => {
    const { lang } = c.var;
    const key = attemptKey(customer, type, quoteId);
    const earlier = await readAttempt(key);
    if (earlier) {
      // This quote's completion was tried before: if that basket is an order, that is the answer.
      const done = await orderOf(customer, earlier);
      if (done) return walletOrderView(done, lang, type);
    }
    const o = await walletBasketOf(deps, customer, type);
    if (!o || o.items.length === 0) throw emptyError(lang);
    if (quoteIdOfBasket(o) !== quoteId) throw priceExpired(o, type, lang);
    const attempt: Attempt = {
      basketId: o.id,
      cartToken: cartTokenOf(o, "walletBasketGet", deps.logger),
    };
    await deps.store.set(key, JSON.stringify(attempt), ATTEMPT_TTL_SECONDS);
    try {
      const order = await settle(
        c,
        () =>
          deps.upstream.call({
            op: COMPLETE_OPS[type],
            body: { external_customer_id: customer, cart_token: attempt.cartToken },
          }),
        () => orderOf(customer, attempt),
      );
      return walletOrderView(order, lang, type);
    } catch (error) {
      if (refusedField(error, "cart_token")) {
        // Minted says this basket is completed already (an earlier or concurrent attempt).
        const done = await orderOf(customer, attempt);
        if (done) return walletOrderView(done, lang, type);
      }
      if (refusedField(error, "price_token"))
        throw priceExpired(await walletBasketOf(deps, customer, type), type, lang);
      throw withOurNames(error, { shipping_address_id: "addressId" });
    }
  };

  return handle(ops.completeWalletBasket, {
    handler: async ({ c, params, body, customer }) =>
      respondMoney(
        deps,
        c,
        {
          kind: MONEY_KINDS[params.type],
          customer,
          operation: `completeWalletBasket:${params.type}`,
          body,
          status: 200,
          amountOf: (order: WalletOrder) => ({ value: order.total, currency: order.currency }),
          orderCodeOf: (order: WalletOrder) => order.orderCode ?? String(order.id),
        },
        () => complete(c, customer, params.type, body.quoteId),
      ),
  });
}
