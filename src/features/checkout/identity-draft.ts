import { z } from "zod/mini";
import {
  readStoredDraft,
  removeStoredDraft,
  sessionStore,
  writeStoredDraft,
  type DraftStorage,
} from "../../domain/addresses/address-draft";

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

export function readIdentityDraft(
  storage: DraftStorage | null = sessionStore(),
): IdentityDraft | null {
  return readStoredDraft(KEY, identityDraftSchema, storage);
}

export function writeIdentityDraft(
  values: Record<string, unknown>,
  storage: DraftStorage | null = sessionStore(),
): void {
  writeStoredDraft(KEY, identityDraftSchema, values, storage);
}

export function clearIdentityDraft(storage: DraftStorage | null = sessionStore()): void {
  removeStoredDraft(KEY, storage);
}
