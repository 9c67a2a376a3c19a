import * as ops from "../../contract/api/wallet.ts";
import type { Context } from "hono";
import { metalSchema, type Metal } from "../../contract/common.ts";
import { type Wallet, type WalletBasketType, type WalletReceipt } from "../../contract/wallet.ts";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, type Lang, t } from "../problem.ts";
import { type UpstreamWalletBasket } from "../../minted/schemas/wallet.ts";
import type { InputOf } from "../../minted/operations.ts";
import { round2, round4 } from "../../contract/money.ts";
import { imagePath } from "./catalog-source.ts";
import { assertOwnAddresses } from "./addresses.ts";
import { changeOnce, targetOf, unconfirmedChange } from "./basket-changes.ts";
import { handle, type RouteSpec } from "./registry.ts";
import { walletOrdersRoute } from "./wallet-history.ts";
import { cartTokenOf, walletBasketView, walletReceiptView } from "./wallet-views.ts";
import { walletBasketOf, walletCompleteRoute } from "./wallet-complete.ts";
import { withOurFieldNames } from "./upstream-refusals.ts";
import { costBasisByMetal, performanceOf } from "./wallet-cost.ts";

/**
 * The metal wallet (Walletable): balances, buy / sell / delivery baskets paid from (or into) the
 * customer's TRY wallet, their completion (one tap = one order), orders and receipts. Every fee
 * line is Minted's own figure, to the cent.
 */

type WalletMutation = "walletBasketAdd" | "walletBasketUpdate" | "walletBasketRemove";

/** Units of `sku` in a wallet basket (Minted lists one row per unit, or a row with its amount). */
function quantityOf(o: UpstreamWalletBasket | null, sku: string): number {
  return (o?.items ?? []).filter((i) => i.sku === sku).reduce((sum, i) => sum + (i.amount ?? 1), 0);
}

export function walletRoutes(deps: AppDeps): RouteSpec[] {
  const basketOf = (customer: string, type: WalletBasketType) =>
    walletBasketOf(deps, customer, type);

  const mutate = (op: WalletMutation, body: InputOf<WalletMutation>) =>
    withOurFieldNames(deps.upstream.call({ op, body }), {
      shipping_address_id: "addressId",
    });

  const view = (c: Context<AppEnv>, o: UpstreamWalletBasket | null, type: WalletBasketType) =>
    walletBasketView(o, type, c.var.lang, deps.now());

  /** Set a line's quantity (0 removes it), once per key (basket-changes.ts). */
  const setQuantity = (
    c: Context<AppEnv>,
    customer: string,
    type: WalletBasketType,
    sku: string,
    quantity: number,
  ) =>
    changeOnce(deps, c, customer, `setWalletQuantity:${type}`, { sku, quantity }, async (key) => {
      const o = await basketOf(customer, type);
      const { repeat } = await targetOf(deps, customer, key, sku, quantity);
      const current = quantityOf(o, sku);
      // A repeat whose first attempt landed after all (a removed line is gone): already done.
      if (repeat && current === quantity) return view(c, o, type);
      if (!o || current === 0)
        throw new ApiError("not_found", {
          detail: { tr: "Bu ürün sepetinizde yok.", en: "This product is not in your basket." },
        });
      const ref = {
        external_customer_id: customer,
        cart_token: cartTokenOf(o, "walletBasketGet", deps.logger),
        sku,
      };
      const updated =
        quantity === 0
          ? await mutate("walletBasketRemove", ref)
          : await mutate("walletBasketUpdate", { ...ref, qty: quantity });
      return view(c, updated, type);
    });

  const emptyError = (lang: Lang) =>
    new ApiError("validation_failed", {
      errors: { basket: [t(lang, "Sepetiniz boş.", "Your basket is empty.")] },
    });

  return [
    handle(ops.getWallet, {
      handler: async ({ customer }): Promise<Wallet> => {
        const [holdings, balances, bases] = await Promise.all([
          deps.upstream.call({
            op: "walletBalance",
            query: { external_customer_id: customer },
          }),
          deps.upstream.call({
            op: "customerBalance",
            params: { external_customer_id: customer },
          }),
          costBasisByMetal(deps, customer),
        ]);
        const rows = holdings.flatMap((h) => {
          const metal = metalSchema.safeParse(h.metal.toLowerCase());
          if (!metal.success) return [];
          return [
            {
              sku: h.sku,
              name: h.productName,
              image: imagePath(h.sku, 1),
              metal: metal.data,
              quantity: h.quantity,
              grams: h.grams,
              value: h.value,
              deliverable: h.isDeliverable,
            },
          ];
        });
        const metals = metalSchema.options.flatMap((metal: Metal) => {
          const mine = rows.filter((r) => r.metal === metal);
          if (mine.length === 0) return [];
          const grams = (list: typeof mine) => round4(list.reduce((s, r) => s + r.grams, 0));
          const digital = mine.filter((r) => !r.deliverable);
          const digitalGrams = grams(digital);
          const digitalValue = digital.reduce((s, r) => s + r.value, 0);
          return [
            {
              metal,
              grams: grams(mine),
              value: round2(mine.reduce((s, r) => s + r.value, 0)),
              deliverableGrams: grams(mine.filter((r) => r.deliverable)),
              digitalGrams,
              ...performanceOf(
                bases.get(metal) ?? { grams: 0, cost: 0 },
                digitalGrams,
                digitalGrams > 0 ? digitalValue / digitalGrams : null,
              ),
            },
          ];
        });
        const cash = balances.find((b) => b.is_cash && b.currency_code === "TRY");
        const metalsValue = round2(rows.reduce((s, r) => s + r.value, 0));
        return {
          currency: "TRY",
          cash: cash ? cash.real_balance : null,
          metals,
          holdings: rows,
          metalsValue,
          totalValue: round2(metalsValue + (cash?.real_balance ?? 0)),
        };
      },
    }),
    walletOrdersRoute(deps),
    handle(ops.getWalletBasket, {
      handler: async ({ c, params, customer }) =>
        view(c, await basketOf(customer, params.type), params.type),
    }),
    handle(ops.addWalletBasketItem, {
      handler: async ({ c, params, body, customer }) =>
        changeOnce(deps, c, customer, `addWalletBasketItem:${params.type}`, body, async (key) => {
          const o = await basketOf(customer, params.type);
          const current = quantityOf(o, body.sku);
          const { target, repeat } = await targetOf(
            deps,
            customer,
            key,
            body.sku,
            current + body.quantity,
          );
          // A repeat whose first attempt landed after all: already there.
          if (current === target) return view(c, o, params.type);
          if (repeat && current === 0) throw unconfirmedChange();
          const cartToken = o ? cartTokenOf(o, "walletBasketGet", deps.logger) : null;
          const updated =
            current > 0 && cartToken
              ? await mutate("walletBasketUpdate", {
                  external_customer_id: customer,
                  cart_token: cartToken,
                  sku: body.sku,
                  qty: target,
                })
              : await mutate("walletBasketAdd", {
                  external_customer_id: customer,
                  ...(cartToken ? { cart_token: cartToken } : {}),
                  type: params.type,
                  sku: body.sku,
                  qty: target,
                });
          return view(c, updated, params.type);
        }),
    }),
    handle(ops.updateWalletBasketItem, {
      handler: async ({ c, params, body, customer }) =>
        setQuantity(c, customer, params.type, params.sku, body.quantity),
    }),
    handle(ops.removeWalletBasketItem, {
      handler: async ({ c, params, customer }) =>
        setQuantity(c, customer, params.type, params.sku, 0),
    }),
    handle(ops.setWalletDeliveryAddress, {
      handler: async ({ c, body, customer }) => {
        const o = await basketOf(customer, "delivery");
        if (!o || o.items.length === 0) throw emptyError(c.var.lang);
        const cartToken = cartTokenOf(o, "walletBasketGet", deps.logger);
        // Minted takes the address with an item change: restate the first line as it is.
        const sku = o.items.find((i) => i.sku)?.sku;
        if (!sku) {
          deps.logger.error("upstream response lacks a field the next step needs", {
            op: "walletBasketGet",
            field: "data.items.0.sku",
          });
          throw new ApiError("upstream_invalid");
        }
        await assertOwnAddresses(deps, customer, [body.addressId]);
        const quantity = quantityOf(o, sku);
        const updated = await mutate("walletBasketUpdate", {
          external_customer_id: customer,
          cart_token: cartToken,
          sku,
          qty: quantity,
          shipping_address_id: body.addressId,
        });
        return view(c, updated, "delivery");
      },
    }),
    walletCompleteRoute(deps),
    handle(ops.getWalletReceipt, {
      handler: async ({ c, params, customer }): Promise<WalletReceipt> => {
        const r = await deps.upstream.call({
          op: "walletReceipt",
          params: { id: params.id },
          query: { external_customer_id: customer },
        });
        if (r.customer.external_id !== customer) throw new ApiError("not_found");
        return walletReceiptView(r, c.var.lang);
      },
    }),
  ];
}
