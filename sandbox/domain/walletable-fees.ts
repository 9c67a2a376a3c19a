import { round2 } from "./rounding.ts";

/**
 * The walletable fee model (minted-api.md Part 2 §8.1). Pure functions: every fee is rounded to
 * the cent before it is summed, as the documentation's tables are.
 *
 * The fee fields and the example tables are documented; the formulas are inferred (they check
 * against the doc's three tables and baskets to the cent): buy `charge_fee = total × rate %`,
 * `storage_fee = total × rate %` above the storage limit, `minting_fee = Σ unit × product rate %`,
 * `charges_vat = (charge + minting + storage) × vat %`; sell `charges_vat = charge × vat %` and
 * `paid_total = total − charge − vat`; delivery `total = delivery_cost`,
 * `charges_vat = delivery_cost × vat %`.
 */

export interface FeeRates {
  /** Service fee, percent of the basket total. */
  chargeFeeRate: number;
  /** Storage fee, percent of the basket total (only above the storage limit). */
  storageFeeRate: number;
  /** VAT on the fees, percent. */
  vatRate: number;
}

/** Every fee field of a walletable basket or order. */
export interface WalletFees {
  total: number;
  payment_cost: number;
  paid_total: number;
  delivery_cost: number;
  charge_fee: number;
  charge_fee_rate: number;
  minting_fee: number;
  storage_fee: number;
  storage_fee_rate: number;
  charges_vat: number;
  vat_rate: number;
}

/** `amount × rate %`, to the cent. */
export function percentOf(amount: number, rate: number): number {
  return round2((amount * rate) / 100);
}

/** One unit's minting fee ("Mint Ücreti" row of an item), to the cent. */
export function unitMintingFee(price: number, rate: number): number {
  return percentOf(price, rate);
}

/** The basket's minting fee: Σ item price × its minting rate, rounded once. */
export function mintingFee(items: readonly { price: number; rate: number }[]): number {
  return round2(items.reduce((sum, item) => sum + (item.price * item.rate) / 100, 0));
}

/** Storage is charged only when the grams held after the purchase exceed the limit. */
export function storageApplies(heldGramsAfter: number, limitGrams: number): boolean {
  return heldGramsAfter > limitGrams;
}

export interface BuyFeeInput {
  /** Basket minting fee (see `mintingFee`). */
  minting: number;
  storageApplies: boolean;
  paymentCost?: number;
}

export function buyFees(total: number, rates: FeeRates, input: BuyFeeInput): WalletFees {
  const paymentCost = input.paymentCost ?? 0;
  const charge = percentOf(total, rates.chargeFeeRate);
  const storage = input.storageApplies ? percentOf(total, rates.storageFeeRate) : 0;
  const minting = round2(input.minting);
  const vat = percentOf(charge + minting + storage, rates.vatRate);
  return {
    total,
    payment_cost: paymentCost,
    paid_total: round2(total + paymentCost + charge + minting + storage + vat),
    delivery_cost: 0,
    charge_fee: charge,
    charge_fee_rate: rates.chargeFeeRate,
    minting_fee: minting,
    storage_fee: storage,
    storage_fee_rate: rates.storageFeeRate,
    charges_vat: vat,
    vat_rate: rates.vatRate,
  };
}

export function sellFees(total: number, rates: FeeRates): WalletFees {
  const charge = percentOf(total, rates.chargeFeeRate);
  const vat = percentOf(charge, rates.vatRate);
  return {
    total,
    payment_cost: 0,
    paid_total: round2(total - charge - vat),
    delivery_cost: 0,
    charge_fee: charge,
    charge_fee_rate: rates.chargeFeeRate,
    minting_fee: 0,
    storage_fee: 0,
    storage_fee_rate: 0,
    charges_vat: vat,
    vat_rate: rates.vatRate,
  };
}

export function deliveryFees(deliveryCost: number, rates: FeeRates): WalletFees {
  const vat = percentOf(deliveryCost, rates.vatRate);
  return {
    total: deliveryCost,
    payment_cost: 0,
    paid_total: round2(deliveryCost + vat),
    delivery_cost: deliveryCost,
    charge_fee: 0,
    charge_fee_rate: 0,
    minting_fee: 0,
    storage_fee: 0,
    storage_fee_rate: 0,
    charges_vat: vat,
    vat_rate: rates.vatRate,
  };
}
