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

export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** sessionStorage, or nothing where it is missing or refused (some webviews, private modes). */
export function sessionStore(): DraftStorage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** A stored draft under `key`, parsed with `schema`; null when missing or malformed. */
export function readStoredDraft<S extends z.core.$ZodType>(
  key: string,
  schema: S,
  storage: DraftStorage | null,
): z.output<S> | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const parsed = z.safeParse(schema, JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Stores what `schema` keeps of `values` (its object schemas drop unknown keys). */
export function writeStoredDraft(
  key: string,
  schema: z.core.$ZodType,
  values: unknown,
  storage: DraftStorage | null,
): void {
  const draft = z.safeParse(schema, values);
  if (!draft.success) return;
  try {
    storage?.setItem(key, JSON.stringify(draft.data));
  } catch {
    // Full or refused: the form still works, it just will not survive a reload.
  }
}

export function removeStoredDraft(key: string, storage: DraftStorage | null): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

export function readDraft(
  formId: string,
  storage: DraftStorage | null = sessionStore(),
): AddressDraft | null {
  return readStoredDraft(KEY_PREFIX + formId, draftSchema, storage);
}

export function writeDraft(
  formId: string,
  values: Partial<AddressFormInput>,
  storage: DraftStorage | null = sessionStore(),
): void {
  writeStoredDraft(KEY_PREFIX + formId, draftSchema, values, storage);
}

export function clearDraft(formId: string, storage: DraftStorage | null = sessionStore()): void {
  removeStoredDraft(KEY_PREFIX + formId, storage);
}
