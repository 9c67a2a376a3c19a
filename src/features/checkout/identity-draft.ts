import { z } from "zod/mini";
import { tabDraft, tabStorage, type KeyValueStorage } from "../../lib/tab-storage";

/**
 * What a guest has typed into the identity form, kept in sessionStorage (this tab only, gone
 * when it closes) so that a reload loses nothing: the account type, name, e-mail and phone, and
 * a company's name, tax office and tax number (VKN, which every invoice of the company carries),
 * but never a person's identity number. A TCKN is the one value here that identifies a person
 * on its own (KVKK): it stays in memory, survives a refused submit, and is typed again after a
 * reload.
 */

const KEY = "minted.identity-draft.v1";

const draftText = z.optional(z.string().check(z.maxLength(300)));

/** No identityNumber key: an object schema drops it from whatever is written. */
const identityDraftSchema = z.object({
  accountType: z.optional(z.enum(["person", "company"])),
  firstname: draftText,
  lastname: draftText,
  companyName: draftText,
  taxNumber: draftText,
  taxOffice: draftText,
  email: draftText,
  phone: draftText,
});
export type IdentityDraft = z.infer<typeof identityDraftSchema>;

/** The identity form's draft, in this tab's storage. */
export function identityDraft(storage: KeyValueStorage | null = tabStorage()) {
  return tabDraft(KEY, identityDraftSchema, storage);
}

export function readIdentityDraft(
  storage: KeyValueStorage | null = tabStorage(),
): IdentityDraft | null {
  return identityDraft(storage).read();
}

export function writeIdentityDraft(
  values: Record<string, unknown>,
  storage: KeyValueStorage | null = tabStorage(),
): void {
  identityDraft(storage).write(values);
}

export function clearIdentityDraft(storage: KeyValueStorage | null = tabStorage()): void {
  identityDraft(storage).clear();
}
