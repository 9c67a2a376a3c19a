import { z } from "zod/mini";
import { invoiceTypeSchema, type AddressFormInput } from "../../../contract/addresses";
import { tabDraft, tabStorage, type KeyValueStorage } from "../../lib/tab-storage";

/**
 * What the customer has typed into an address form, kept in sessionStorage (this tab only,
 * gone when it closes) so that a reload or an error loses nothing. A stored draft is parsed
 * before use: anything malformed is ignored, never trusted.
 */

const KEY_PREFIX = "minted.address-draft.v1.";

const draftText = z.optional(z.string().check(z.maxLength(500)));

const draftSchema = z.object({
  fullName: draftText,
  phone: draftText,
  city: draftText,
  county: draftText,
  district: draftText,
  line: draftText,
  zipcode: draftText,
  invoiceType: z.optional(invoiceTypeSchema),
  taxNumber: draftText,
  companyName: draftText,
  taxOffice: draftText,
});
export type AddressDraft = z.infer<typeof draftSchema>;

/** The draft of the address form named `formId`, in this tab's storage. */
export function addressDraft(formId: string, storage: KeyValueStorage | null = tabStorage()) {
  return tabDraft(KEY_PREFIX + formId, draftSchema, storage);
}

export function readDraft(
  formId: string,
  storage: KeyValueStorage | null = tabStorage(),
): AddressDraft | null {
  return addressDraft(formId, storage).read();
}

export function writeDraft(
  formId: string,
  values: Partial<AddressFormInput>,
  storage: KeyValueStorage | null = tabStorage(),
): void {
  addressDraft(formId, storage).write(values);
}

export function clearDraft(formId: string, storage: KeyValueStorage | null = tabStorage()): void {
  addressDraft(formId, storage).clear();
}
