import * as ops from "../../contract/api/checkout.ts";
import type { Context } from "hono";
import {
  type CheckoutReturn,
  type CompleteCheckoutBody,
  type CompleteCheckoutResult,
  type PaymentTypes,
  type SetCheckoutAddressesBody,
} from "../../contract/checkout.ts";
import type { AppDeps, AppEnv, Session } from "../deps.ts";
import { ApiError, type Lang, t } from "../problem.ts";
import { type UpstreamEcomOrder } from "../../minted/schemas/orders.ts";
import { assertOwnAddresses, upstreamAddressFields } from "./addresses.ts";
import { activeBasket, customerBasketView, filledBasket } from "./basket.ts";
import { quoteIdOf, quoteView } from "./basket-views.ts";
import { shopUrl } from "../file-links.ts";
import { readCheckoutRecord, saveCheckoutRecord } from "./checkout-records.ts";
import { acceptedForCompletion } from "./consent.ts";
import { findOwnOrder } from "./order-finder.ts";
import { rememberOrderTokens } from "./order-tokens.ts";
import { addressView } from "./order-views.ts";
import { handle, type RouteSpec } from "./registry.ts";
import { refusedField, withOurFieldNames, withOurNames } from "./upstream-refusals.ts";
import {
  amountOf,
  answerCompletion,
  completionResult,
  forgetAttempt,
  mayStillLand,
  notCompleted,
  outcomeUnknown,
  readAttempt,
  saveAttempt,
  settle,
  returnView,
  uncertain,
  withCompletionLock,
} from "./checkout-outcome.ts";

/**
 * Checkout of the physical-products basket: addresses, the two legal documents, the quote (the
 * basket's price fix, named by `quoteId`), completion (one tap = one order) and the 3-D Secure
 * return, whose outcome is read upstream, never from the query string.
 */

function checkoutState(deps: AppDeps, c: Context<AppEnv>, order: UpstreamEcomOrder | null) {
  return customerBasketView(deps, c, order).then((basket) => ({
    basket,
    shipping: addressView(order?.shippingaddress),
    billing: addressView(order?.billingaddress),
  }));
}

/**
 * A wallet belongs to a customer who signed in through their partner (a launch session). A guest
 * of the standalone shop has none: the wallet is neither offered nor accepted for them.
 */
function hasWallet(session: Session | null): boolean {
  return session?.kind === "launch";
}

function priceExpired(order: UpstreamEcomOrder | null, lang: Lang, now: number): ApiError {
  return new ApiError("price_expired", {
    extra: { quote: order ? quoteView(order, lang, now) : null },
  });
}

/** Where the bank sends the customer back: the shop's own origin (shopUrl), never the request's `Host` or `Origin`. */
function returnUrl(deps: AppDeps, orderCode: string): string {
  return shopUrl(deps.env, `/checkout/return?order=${encodeURIComponent(orderCode)}`);
}

export function checkoutRoutes(deps: AppDeps): RouteSpec[] {
  /**
   * One completion (see checkout-outcome.ts): under the customer's completion lock, the last
   * attempt is settled first (its order answered instead of completing again), then the basket
   * is completed; an answer that never arrived is settled by reading the basket back.
   */
  const complete = (c: Context<AppEnv>, customer: string, body: CompleteCheckoutBody) =>
    withCompletionLock(deps, customer, null, async (): Promise<CompleteCheckoutResult> => {
      const { lang } = c.var;
      const [previous, active] = await Promise.all([
        readAttempt(deps, customer),
        activeBasket(deps, customer),
      ]);
      const filled = active && active.items.length > 0 ? active : null;
      if (previous && (!filled || filled.token === previous.cartToken)) {
        const settled = await settle(deps, c, customer, previous);
        if (settled.state === "completed") return completionResult(settled.order);
      }
      const order = filled ?? (await filledBasket(deps, c, customer));
      const token = order.pricefix?.token;
      if (!token || quoteIdOf(token) !== body.quoteId) throw priceExpired(order, lang, deps.now());
      const legalAcceptances = await acceptedForCompletion(deps, c, customer, order.token);
      const orderCode = order.increment_id;
      const card = body.paymentType === "card";
      // Kept before completing, so that the return page can find the order whatever happens
      // next (and any later view of the order reads it by its token, in one call); the attempt
      // lets the next request settle this one if its answer never arrives.
      const attempt = { cartToken: order.token, orderCode, amount: amountOf(order) };
      await Promise.all([
        saveCheckoutRecord(deps.store, orderCode, {
          customer,
          cartToken: order.token,
          paymentType: body.paymentType,
          ...(card ? { installments: body.installments ?? 1 } : {}),
          legalAcceptances,
          savedAt: new Date(deps.now()).toISOString(),
        }),
        rememberOrderTokens(deps.store, c.get("logger"), customer, [order]),
        saveAttempt(deps, customer, attempt),
      ]);
      try {
        const completed = await deps.upstream.call({
          op: "basketComplete",
          body: {
            external_customer_id: customer,
            cart_token: order.token,
            payment_type: card ? "creditcard" : "cash",
            ...(card ? { installment: body.installments ?? 1 } : {}),
            return_url: returnUrl(deps, orderCode),
          },
        });
        return completionResult(completed);
      } catch (error) {
        if (uncertain(error)) {
          c.get("logger").warn("completion answer lost; settling", {
            orderCode,
            failure: error.failure,
          });
          const settled = await settle(deps, c, customer, attempt);
          if (settled.state === "completed") return completionResult(settled.order);
          // No answer at all: the request may still be on its way to Minted and land later.
          throw mayStillLand(error) ? outcomeUnknown(orderCode) : notCompleted(orderCode);
        }
        await forgetAttempt(deps, customer);
        // The fix ran out between our check and Minted's: show the new price.
        if (refusedField(error, "pricefix"))
          throw priceExpired(await activeBasket(deps, customer), lang, deps.now());
        throw withOurNames(error);
      }
    });

  const setAddresses = async (
    c: Context<AppEnv>,
    customer: string,
    body: SetCheckoutAddressesBody,
  ) => {
    const order = await filledBasket(deps, c, customer);
    if ("shippingAddressId" in body)
      await assertOwnAddresses(deps, customer, [body.shippingAddressId, body.billingAddressId]);
    const owner = { external_customer_id: customer, cart_token: order.token };
    const addresses =
      "shippingAddressId" in body
        ? { shipping_address_id: body.shippingAddressId, billing_address_id: body.billingAddressId }
        : {
            shipping: upstreamAddressFields(body.shipping),
            billing: upstreamAddressFields(body.billing === "same" ? body.shipping : body.billing),
          };
    return withOurFieldNames(
      deps.upstream.call({
        op: "basketSetAddress",
        body: { ...owner, ...addresses },
      }),
    );
  };

  return [
    handle(ops.getCheckout, {
      handler: async ({ c, customer }) =>
        checkoutState(deps, c, await activeBasket(deps, customer)),
    }),
    handle(ops.setCheckoutAddresses, {
      handler: async ({ c, body, customer }) =>
        checkoutState(deps, c, await setAddresses(c, customer, body)),
    }),
    handle(ops.getCheckoutQuote, {
      handler: async ({ c, customer }) => {
        const order = await filledBasket(deps, c, customer);
        const quote = quoteView(order, c.var.lang, deps.now());
        if (!quote) throw new ApiError("upstream_invalid");
        return quote;
      },
    }),
    handle(ops.getPaymentTypes, {
      handler: async ({ c, session }) => {
        const list = await deps.upstream.call({
          op: "paymentTypes",
        });
        const wallet = hasWallet(session);
        const { lang } = c.var;
        const paymentTypes = list.flatMap((p): PaymentTypes["paymentTypes"] => {
          if (p.code === "creditcard") {
            const options = (p.installments ?? [{ installment: 1, margin: 0 }]).map((o) => ({
              count: o.installment,
              ratePercent: o.margin,
            }));
            const name = p.name || t(lang, "Kredi kartı", "Credit card");
            return [{ type: "card", name, installments: options }];
          }
          if (p.code === "cash" && wallet) {
            const name = p.name || t(lang, "Cüzdan bakiyesi", "Wallet balance");
            return [{ type: "wallet", name, installments: [{ count: 1, ratePercent: 0 }] }];
          }
          return [];
        });
        return { paymentTypes };
      },
    }),
    handle(ops.completeCheckout, {
      handler: async ({ c, body, customer, session }) => {
        if (body.paymentType === "wallet" && !hasWallet(session))
          throw new ApiError("validation_failed", {
            errors: {
              paymentType: [
                t(
                  c.var.lang,
                  "Cüzdan bakiyesiyle ödeme yalnızca cüzdanı olan müşterilere açıktır; kartla ödeyin.",
                  "Paying from a wallet balance is only for customers who have a wallet; pay by card.",
                ),
              ],
            },
          });
        return answerCompletion(deps, c, customer, body, () => complete(c, customer, body));
      },
    }),
    handle(ops.getCheckoutReturn, {
      handler: async ({ c, query, customer }): Promise<CheckoutReturn> => {
        const order = await findCheckoutOrder(deps, c, customer, query.order);
        return returnView(order, c.var.lang);
      },
    }),
  ];
}

/**
 * The customer's order (or, after a declined payment, basket again) with code `orderCode`: by
 * the checkout record's cart token, else among the customer's orders, else the active basket.
 */
async function findCheckoutOrder(
  deps: AppDeps,
  c: Context<AppEnv>,
  customer: string,
  orderCode: string,
): Promise<UpstreamEcomOrder> {
  const record = await readCheckoutRecord(deps.store, orderCode, customer);
  let order: UpstreamEcomOrder | null = null;
  if (record)
    order = await deps.upstream.call({
      op: "ecomOrderGet",
      body: { customer_external_id: customer, cart_token: record.cartToken },
    });
  else {
    order = await findOwnOrder(deps, customer, orderCode);
    if (!order) {
      const active = await activeBasket(deps, customer);
      order = active?.increment_id === orderCode ? active : null;
    }
  }
  const owner = order?.customer?.external_id;
  if (order?.increment_id !== orderCode || owner !== customer) throw new ApiError("not_found");
  await rememberOrderTokens(deps.store, c.get("logger"), customer, [order]);
  return order;
}
