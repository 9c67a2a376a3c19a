import { describe, expect, it } from "vitest";
import type { Address } from "../../../contract/addresses";
import { orderAddressSchema, type OrderAddress } from "../../../contract/orders";
import {
  addressIds,
  billingOptions,
  preselect,
  sameAddress,
  shippingOptions,
} from "./address-choice";

function address(id: number, type: Address["type"], over: Partial<Address> = {}): Address {
  return {
    id,
    type,
    fullName: "Ayşe Yılmaz",
    companyName: null,
    phone: "+905321112233",
    email: null,
    city: "İstanbul",
    county: "Kadıköy",
    district: "Caferağa Mah.",
    street: "Moda Cad.",
    zipcode: "34710",
    line: `No: ${String(id)}`,
    invoiceType: "individual",
    taxOffice: null,
    taxNumberMasked: "*********46",
    ...over,
  };
}

/** The address as a basket carries it: no id, no type. */
function snapshot(a: Address): OrderAddress {
  return orderAddressSchema.parse(a);
}

const snapshotOf1 = snapshot(address(1, "shipping"));

describe("address choice", () => {
  const home = address(1, "shipping");
  const office = address(2, "billing", { city: "Ankara", county: "Çankaya", line: "No: 101" });
  const bare = address(3, "shipping", { invoiceType: null, taxNumberMasked: null });

  it("offers every address for shipping (shipping first), billing only with an identity", () => {
    expect(shippingOptions([office, home, bare]).map((a) => a.id)).toEqual([1, 3, 2]);
    expect(billingOptions([home, bare, office]).map((a) => a.id)).toEqual([2, 1]);
  });

  it("preselects the first shipping address billed to itself", () => {
    expect(preselect([office, home], { shipping: null, billing: null })).toEqual({
      shippingId: 1,
      sameAsShipping: true,
      billingId: 2,
    });
  });

  it("bills elsewhere when the shipping address has no invoice identity", () => {
    expect(preselect([bare, office], { shipping: null, billing: null })).toEqual({
      shippingId: 3,
      sameAsShipping: false,
      billingId: 2,
    });
  });

  it("lets a company with only its billing address ship there and bill to it", () => {
    const corporate = address(9, "billing", {
      companyName: "Anadolu Kıymetli Madenler A.Ş.",
      invoiceType: "corporate",
      taxOffice: "Kozyatağı",
      taxNumberMasked: "********30",
    });
    const choice = preselect([corporate], { shipping: null, billing: null });
    expect(choice).toEqual({ shippingId: 9, sameAsShipping: true, billingId: 9 });
    expect(addressIds(choice, [corporate])).toEqual({ shippingAddressId: 9, billingAddressId: 9 });
  });

  it("keeps the addresses already on the basket", () => {
    const officeSnapshot = snapshot(office);
    expect(preselect([home, office], { shipping: snapshotOf1, billing: officeSnapshot })).toEqual({
      shippingId: 1,
      sameAsShipping: false,
      billingId: 2,
    });
    expect(preselect([home, office], { shipping: snapshotOf1, billing: snapshotOf1 })).toEqual({
      shippingId: 1,
      sameAsShipping: true,
      billingId: 2,
    });
  });

  it("matches a basket's snapshot to a saved address by its content", () => {
    expect(sameAddress(home, { ...snapshotOf1, city: "istanbul" })).toBe(true);
    expect(sameAddress(home, { ...snapshotOf1, line: "No: 2" })).toBe(false);
  });

  it("sends ids only for a complete, billable choice", () => {
    const all = [home, office, bare];
    expect(addressIds({ shippingId: 1, sameAsShipping: true, billingId: null }, all)).toEqual({
      shippingAddressId: 1,
      billingAddressId: 1,
    });
    expect(addressIds({ shippingId: 1, sameAsShipping: false, billingId: 2 }, all)).toEqual({
      shippingAddressId: 1,
      billingAddressId: 2,
    });
    expect(addressIds({ shippingId: 3, sameAsShipping: true, billingId: null }, all)).toBeNull();
    expect(addressIds({ shippingId: 1, sameAsShipping: false, billingId: 3 }, all)).toBeNull();
    expect(addressIds({ shippingId: null, sameAsShipping: true, billingId: 2 }, all)).toBeNull();
  });
});
