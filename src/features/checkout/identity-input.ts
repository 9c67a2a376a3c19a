import { z } from "zod/mini";
import {
  identityBodySchema,
  type AccountType,
  type IdentityBody,
  type IdentityBodyInput,
} from "../../../contract/basket";

/**
 * The identity form's values: one set of fields for both account types, so that switching
 * between Individual and Corporate loses nothing typed. The contract's schema takes only the
 * chosen type's fields (a person: name and TCKN; a company: name, VKN and tax office).
 */
export type IdentityInput = {
  accountType: AccountType;
  firstname: string;
  lastname: string;
  identityNumber: string;
  companyName: string;
  taxNumber: string;
  taxOffice: string;
  email: string;
  phone: string;
};

export type FieldName = Exclude<keyof IdentityInput, "accountType">;

export const EMPTY_IDENTITY: IdentityInput = {
  accountType: "person",
  firstname: "",
  lastname: "",
  identityNumber: "",
  companyName: "",
  taxNumber: "",
  taxOffice: "",
  email: "",
  phone: "",
};

/** The fields of each account type in the order they are shown (the first invalid one gets the focus). */
export const FIELD_ORDER: Record<AccountType, readonly FieldName[]> = {
  person: ["firstname", "lastname", "identityNumber", "email", "phone"],
  company: ["companyName", "taxNumber", "taxOffice", "email", "phone"],
};

const ALL_FIELDS = new Set<string>([...FIELD_ORDER.person, ...FIELD_ORDER.company]);

export function isFieldName(key: string): key is FieldName {
  return ALL_FIELDS.has(key);
}

/** The contract's body from the form's values: only the chosen type's fields. */
export function identityBodyOf(values: IdentityInput): IdentityBodyInput {
  const contact = { email: values.email, phone: values.phone };
  if (values.accountType === "company")
    return {
      accountType: "company",
      companyName: values.companyName,
      taxNumber: values.taxNumber,
      taxOffice: values.taxOffice,
      ...contact,
    };
  return {
    accountType: "person",
    firstname: values.firstname,
    lastname: values.lastname,
    identityNumber: values.identityNumber,
    ...contact,
  };
}

/**
 * The form's values checked with the contract's schema, each field's first issue worded by
 * `message` (the shared issue table in the shop's language).
 */
export function checkIdentity(
  values: IdentityInput,
  message: (issue: z.core.$ZodRawIssue) => string,
): { ok: true; body: IdentityBody } | { ok: false; errors: Partial<Record<FieldName, string>> } {
  const result = z.safeParse(identityBodySchema, identityBodyOf(values), { error: message });
  if (result.success) return { ok: true, body: result.data };
  const errors: Partial<Record<FieldName, string>> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0]);
    if (isFieldName(key)) errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
