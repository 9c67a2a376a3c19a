import type { SandboxContext } from "../context.ts";
import { pricefixJson } from "../domain/basket-fix.ts";
import { ITEM_CURRENCIES } from "../domain/categories.ts";
import { isoMicros } from "../domain/clock.ts";
import { STATUS_NAME } from "../domain/order-status.ts";
import type { AddressSnapshot, WalletBasket } from "../domain/state.ts";
import {
  basketFees,
  basketLines,
  basketPrice,
  progressWalletOrder,
  walletStatusId,
} from "../domain/wallet-basket.ts";
import { unitMintingFee } from "../domain/walletable-fees.ts";
import type { Lang } from "../http/http.ts";
import { productImages } from "./catalog.ts";
import { customerJson } from "./customer.ts";

/** The walletable basket / order as Minted answers it (minted-api.md Part 2 §8.2). */

export function shippingJson(s: AddressSnapshot | null) {
  if (!s) return null;
  return {
    id: s.id,
    tax_number: s.tax_number,
    external_id: s.external_id,
    fullname: s.fullname,
    phone: s.phone,
    email: s.email,
    city: s.city,
    county: s.county,
    district: s.district,
    street: s.street,
    zipcode: s.zipcode,
    address: s.address,
  };
}

/**
 * One row per unit, as Minted renders walletable items; `prices` holds the documented
 * `{id: 7, name: "Mint Ücreti"}` row with the unit's minting fee (inferred: its value is elided on
 * the page).
 */
export function itemRows(ctx: SandboxContext, basket: WalletBasket, lang: Lang) {
  return basketLines(basket).flatMap(({ product: p, qty, price }) => {
    const currency = ITEM_CURRENCIES[p.metal];
    const minting = basket.type === "buy" ? unitMintingFee(price, p.walletMintingRate) : 0;
    const row = {
      item_currency_id: currency.id,
      item_currency_name: currency.name[lang],
      product_id: p.id,
      sku: p.sku,
      product_name: p.name[lang],
      product_weight: p.weight,
      price,
      tax_rate: 0,
      tax: 0,
      amount: 1,
      total: price,
      product_images: productImages(ctx, p),
      prices: [{ id: 7, name: "Mint Ücreti", price: minting }],
    };
    return Array.from({ length: qty }, () => ({
      ...row,
      prices: row.prices.map((x) => ({ ...x })),
    }));
  });
}

/** The walletable basket / order object, fields in the order of §8.2. */
export function walletBasketJson(ctx: SandboxContext, basket: WalletBasket, lang: Lang) {
  progressWalletOrder(ctx, basket);
  const fees = basketFees(ctx, basket);
  const price = basket.frozen?.price ?? basketPrice(basket);
  const statusId = walletStatusId(basket);
  const customer = ctx.state.customers.get(basket.customer);
  const isOrder = basket.stage === "order";
  return {
    pricefix: pricefixJson(ctx, basket.fix, basket.orderAt ?? undefined),
    id: basket.id,
    guid: basket.guid,
    order_creation_status: basket.stage,
    external_id: null,
    increment_id: basket.increment_id,
    token: basket.token,
    price_token: basket.fix.priceToken,
    type: isOrder && basket.type === "delivery" ? "walletable_ecommerce" : basket.type,
    price,
    tax: 0,
    total: fees.total,
    payment_cost: fees.payment_cost,
    paid_total: fees.paid_total,
    delivery_cost: fees.delivery_cost,
    insurance_price: 0,
    conversion_price: 0,
    market_commission: 0,
    minted_markup_price: 0,
    silver_craftsmanship: 0,
    charge_fee: fees.charge_fee,
    charge_fee_rate: fees.charge_fee_rate,
    minting_fee: fees.minting_fee,
    storage_fee: fees.storage_fee,
    storage_fee_rate: fees.storage_fee_rate,
    charges_vat: fees.charges_vat,
    vat_rate: fees.vat_rate,
    // Inferred: the documented examples say AED (see the note at the top of this file).
    currency_code: "TRY",
    status_id: statusId,
    status_name: STATUS_NAME[statusId] ?? "Created",
    customer: customer ? customerJson(customer) : null,
    shippingaddress: shippingJson(basket.shipping),
    billingaddress: null,
    payment: null,
    delivery: basket.delivery ? { ...basket.delivery } : null,
    order_at: isoMicros(basket.orderAt ?? basket.createdAt),
    items: itemRows(ctx, basket, lang),
  };
}
