import { describe, expect, it } from "vitest";
import {
  buyFees,
  deliveryFees,
  mintingFee,
  sellFees,
  storageApplies,
  unitMintingFee,
} from "./walletable-fees.ts";

const RATES = { chargeFeeRate: 10, storageFeeRate: 20, vatRate: 5 };

describe("walletable fees (minted-api.md §8.1)", () => {
  it("reproduces the buy table to the cent", () => {
    const minting = mintingFee([
      { price: 1092.12, rate: 5 },
      { price: 1092.12, rate: 5 },
    ]);
    expect(minting).toBe(109.21);
    expect(buyFees(2184.24, RATES, { minting, storageApplies: true })).toEqual({
      total: 2184.24,
      payment_cost: 0,
      paid_total: 2986.94,
      delivery_cost: 0,
      charge_fee: 218.42,
      charge_fee_rate: 10,
      minting_fee: 109.21,
      storage_fee: 436.85,
      storage_fee_rate: 20,
      charges_vat: 38.22,
      vat_rate: 5,
    });
  });

  it("rounds the basket minting fee once, not per unit", () => {
    expect(unitMintingFee(1092.12, 5)).toBe(54.61);
    expect(mintingFee([{ price: 2184.24, rate: 5 }])).toBe(109.21);
  });

  it("charges no storage under the storage limit", () => {
    expect(storageApplies(50_000, 50_000)).toBe(false);
    expect(storageApplies(50_000.1, 50_000)).toBe(true);
    const fees = buyFees(2184.24, RATES, { minting: 109.21, storageApplies: false });
    expect(fees.storage_fee).toBe(0);
    expect(fees.charges_vat).toBe(16.38);
    expect(fees.paid_total).toBe(2528.25);
  });

  it("adds the payment cost to the buy total", () => {
    const fees = buyFees(100, RATES, { minting: 5, storageApplies: false, paymentCost: 2.5 });
    expect(fees.paid_total).toBe(100 + 2.5 + 10 + 5 + 0.75);
  });

  it("reproduces the sell table to the cent", () => {
    const fees = sellFees(2730.3, RATES);
    expect(fees.charge_fee).toBe(273.03);
    expect(fees.charges_vat).toBe(13.65);
    expect(fees.paid_total).toBe(2443.62);
    expect(fees.minting_fee).toBe(0);
    expect(fees.storage_fee).toBe(0);
  });

  it("reproduces the delivery table: 3 → VAT 0.15 → 3.15", () => {
    expect(deliveryFees(3, RATES)).toMatchObject({
      total: 3,
      delivery_cost: 3,
      charges_vat: 0.15,
      paid_total: 3.15,
      charge_fee: 0,
    });
  });

  it("gives zero fees with zero rates", () => {
    const zero = { chargeFeeRate: 0, storageFeeRate: 0, vatRate: 0 };
    expect(buyFees(500, zero, { minting: 0, storageApplies: true }).paid_total).toBe(500);
    expect(sellFees(500, zero).paid_total).toBe(500);
  });
});
