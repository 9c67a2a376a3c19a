import type { IdentityBody } from "../../../contract/basket";
import type { AddressFormInput } from "../../../contract/addresses";
import { formatTrPhone } from "../../lib/tr-phone";

/**
 * What the identity step already asked, in memory only (this page's life), so that the first
 * address form does not ask it again: a person's name and phone; a company's phone and the
 * invoice facts Create Business Customer took (corporate invoice, company name, tax office,
 * VKN). A person's identity number is not carried: the address form keeps drafts in storage,
 * and a TCKN is not written there on the shop's initiative.
 */
let remembered: Partial<AddressFormInput> | null = null;

export function rememberGuestIdentity(identity: IdentityBody): void {
  const phone = formatTrPhone(identity.phone);
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
