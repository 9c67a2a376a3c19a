import { z } from "zod/mini";
import { invoiceTypeSchema, type AddressFormInput } from "../../../contract/addresses";

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

type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** sessionStorage, or nothing where it is missing or refused (some webviews, private modes). */
function sessionStore(): DraftStorage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function readDraft(
  formId: string,
  storage: DraftStorage | null = sessionStore(),
): AddressDraft | null {
  try {
    const raw = storage?.getItem(KEY_PREFIX + formId);
    if (!raw) return null;
    const parsed = draftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeDraft(
  formId: string,
  values: Partial<AddressFormInput>,
  storage: DraftStorage | null = sessionStore(),
): void {
  const draft = draftSchema.safeParse(values);
  if (!draft.success) return;
  try {
    storage?.setItem(KEY_PREFIX + formId, JSON.stringify(draft.data));
  } catch {
    // Full or refused: the form still works, it just will not survive a reload.
  }
}

export function clearDraft(formId: string, storage: DraftStorage | null = sessionStore()): void {
  try {
    storage?.removeItem(KEY_PREFIX + formId);
  } catch {
    // Nothing to do.
  }
}
