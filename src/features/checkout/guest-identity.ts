import type { IdentityBody } from "../../../contract/basket";
import type { AddressFormInput } from "../../../contract/addresses";
import { formatTrPhone } from "../../lib/tr-phone";

/**
 * The guest's name and phone from the identity step, in memory only (this page's life), so that
 * the first address form does not ask for them again. The identity number is not kept: the
 * address form keeps drafts in storage, and a TCKN is not written there on the shop's initiative.
 */
let remembered: Pick<AddressFormInput, "fullName" | "phone"> | null = null;

export function rememberGuestIdentity(identity: IdentityBody): void {
  remembered = {
    fullName: `${identity.firstname.trim()} ${identity.lastname.trim()}`,
    phone: formatTrPhone(identity.phone),
  };
}

/** Values to start a new address with (none after a reload). */
export function guestIdentityPrefill(): Partial<AddressFormInput> {
  return remembered ?? {};
}
