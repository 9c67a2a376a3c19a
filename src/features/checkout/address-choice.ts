import type { Address } from "../../../contract/addresses";
import type { OrderAddress } from "../../../contract/orders";

/**
 * Which saved addresses the address step offers and preselects.
 *
 * Every saved address is a place goods can be sent to, so all are offered for shipping (the
 * shipping ones first): a company with only its billing address can ship there. An invoice is
 * made out to an identity (TCKN, or company + tax office + VKN): only addresses that carry one
 * can be billed to, and "billing same as shipping" sends the shipping address's id as the
 * billing id too, which Minted accepts, only when that address carries the identity.
 */

export function hasInvoiceIdentity(a: OrderAddress): boolean {
  return a.invoiceType !== null && a.taxNumberMasked !== null;
}

const typeFirst = (type: Address["type"]) => (a: Address, b: Address) =>
  Number(b.type === type) - Number(a.type === type);

export function shippingOptions(addresses: readonly Address[]): Address[] {
  return [...addresses].sort(typeFirst("shipping"));
}

export function billingOptions(addresses: readonly Address[]): Address[] {
  return addresses.filter(hasInvoiceIdentity).sort(typeFirst("billing"));
}

const norm = (s: string | null) => (s ?? "").trim().toLocaleLowerCase("tr-TR");

/** A basket's address snapshot matches a saved address (the basket's carry no id). */
export function sameAddress(saved: OrderAddress, onBasket: OrderAddress): boolean {
  const keys = [
    "fullName",
    "companyName",
    "city",
    "county",
    "line",
    "zipcode",
    "invoiceType",
    "taxNumberMasked",
  ] as const;
  return keys.every((k) => norm(saved[k]) === norm(onBasket[k]));
}

export interface AddressChoice {
  shippingId: number | null;
  sameAsShipping: boolean;
  billingId: number | null;
}

/**
 * The preselection: the addresses already on the basket when they are saved ones, otherwise the
 * first shipping address, billed to itself when it carries an invoice identity, and the first
 * billing address as the alternative.
 */
export function preselect(
  addresses: readonly Address[],
  onBasket: { shipping: OrderAddress | null; billing: OrderAddress | null },
): AddressChoice {
  const find = (a: OrderAddress | null, among: readonly Address[]) =>
    a ? among.find((s) => sameAddress(s, a)) : undefined;
  const ships = shippingOptions(addresses);
  const bills = billingOptions(addresses);
  const shipping = find(onBasket.shipping, ships) ?? ships[0];
  const basketBilling = find(onBasket.billing, bills);
  const canBeSame = shipping !== undefined && hasInvoiceIdentity(shipping);
  if (onBasket.billing && basketBilling) {
    const same = canBeSame && basketBilling.id === shipping.id;
    return {
      shippingId: shipping?.id ?? null,
      sameAsShipping: same,
      billingId: same ? (bills.find((b) => b.id !== shipping.id)?.id ?? null) : basketBilling.id,
    };
  }
  return {
    shippingId: shipping?.id ?? null,
    sameAsShipping: canBeSame,
    billingId: (bills.find((b) => b.id !== shipping?.id) ?? bills[0])?.id ?? null,
  };
}

/** The ids PUT /api/checkout/addresses takes, or null while the choice is incomplete. */
export function addressIds(
  choice: AddressChoice,
  addresses: readonly Address[],
): { shippingAddressId: number; billingAddressId: number } | null {
  const shipping = addresses.find((a) => a.id === choice.shippingId);
  if (!shipping) return null;
  if (choice.sameAsShipping)
    return hasInvoiceIdentity(shipping)
      ? { shippingAddressId: shipping.id, billingAddressId: shipping.id }
      : null;
  const billing = addresses.find((a) => a.id === choice.billingId);
  return billing && hasInvoiceIdentity(billing)
    ? { shippingAddressId: shipping.id, billingAddressId: billing.id }
    : null;
}
