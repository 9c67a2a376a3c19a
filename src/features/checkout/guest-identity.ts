import type { IdentityBody } from "../../../contract/basket";
import type { AddressFormInput } from "../../../contract/addresses";
import { formatTrPhone } from "../../lib/tr-phone";

/**
 * What the identity step already asked, in memory only (this page's life), so that the first
 * address form does not ask it again: a person's name and phone; a company's phone and the
 * invoice facts Create Business Customer took (corporate invoice, company name, tax office,
 * VKN). A person's identity number is kept apart (`identityNumber`): the address form keeps
 * drafts in storage, and a TCKN is not written there on the shop's initiative; the form takes it
 * as a known value instead of asking again (the proxy still checks it with the address).
 */
let remembered: Partial<AddressFormInput> | null = null;
let identityNumber: string | null = null;

export function rememberGuestIdentity(identity: IdentityBody): void {
  const phone = formatTrPhone(identity.phone);
  identityNumber = identity.accountType === "person" ? identity.identityNumber : null;
  remembered =
    identity.accountType === "company"
      ? {
          phone,
          invoiceType: "corporate",
          companyName: identity.companyName.trim(),
          taxOffice: identity.taxOffice.trim(),
          taxNumber: identity.taxNumber,
        }
      : { fullName: `${identity.firstname.trim()} ${identity.lastname.trim()}`, phone };
}

/** Values to start a new address with (none after a reload). */
export function guestIdentityPrefill(): Partial<AddressFormInput> {
  return remembered ?? {};
}

/** Whether this page's guest gave their identity on the identity step (its step stays listed). */
export function identityGiven(): boolean {
  return remembered !== null;
}

/** The TCKN a person gave on the identity step (null after a reload, or for a company). */
export function guestIdentityNumber(): string | null {
  return identityNumber;
}
