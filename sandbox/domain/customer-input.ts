import { z } from "zod";
import { isValidTckn, isValidVkn } from "../../contract/tr-identity.ts";
import type { Customer } from "./state.ts";

/**
 * What the sandbox checks in customer input beyond the documented shape (Create Customer,
 * Create Business Customer, Update Customer) and the invoice rules of a billing address.
 */

const name = () => z.string().trim().min(2).max(40);
export const phone = () =>
  z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{10,20}$/);
export const email = () => z.string().trim().max(254).pipe(z.email());
const birthdate = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const tckn = () =>
  z.string().refine(isValidTckn, {
    params: {
      tr: "Geçersiz T.C. kimlik numarası.",
      en: "The identity number is not a valid TCKN.",
    },
  });
const vkn = () =>
  z.string().refine(isValidVkn, {
    params: {
      tr: "Geçersiz vergi kimlik numarası.",
      en: "The identity number is not a valid VKN.",
    },
  });

const externalId = () =>
  z
    .string()
    .trim()
    .min(1)
    .max(110)
    .regex(/^[A-Za-z0-9_-]+$/);

export const personSchema = z.object({
  external_id: externalId(),
  account_type: z.literal("person").optional(),
  firstname: name(),
  middlename: z.string().trim().max(40).optional().nullable(),
  lastname: name(),
  email: email(),
  phone: phone(),
  gender: z.enum(["M", "F"]).optional(),
  identity_number: tckn(),
  birthdate: birthdate().optional(),
});

/** A person customer from validated input (also used by the Partner buy's "new customer"). */
export function personCustomer(d: z.output<typeof personSchema>, now: number): Customer {
  return {
    external_id: d.external_id,
    firstname: d.firstname,
    middlename: d.middlename ?? null,
    lastname: d.lastname,
    email: d.email,
    phone: d.phone.replace(/[ ()-]/g, ""),
    gender: d.gender ?? null,
    identity_number: d.identity_number,
    birthdate: d.birthdate ?? null,
    tax_office: null,
    account_type: "person",
    createdAt: now,
  };
}

/**
 * Create Business Customer (api-15819241) beyond the documented shape: the company name
 * (`firstname`) and the tax office in 3–40 characters as the page lists them; the name and a
 * checksum-valid VKN required (inferred: Get Customer answers both as required, so Minted must
 * have them); the tax office stays optional as documented.
 */
export const companySchema = z.object({
  external_id: externalId(),
  account_type: z.literal("company"),
  firstname: z.string().trim().min(3).max(40),
  tax_office: z.string().trim().min(3).max(40).optional(),
  identity_number: vkn(),
  email: email().optional(),
  phone: phone().optional(),
  birthdate: birthdate().optional(),
});

export const updateSchema = z.object({
  firstname: z.string().trim().min(2).max(120),
  middlename: z.string().trim().max(40).optional().nullable(),
  lastname: z.string().trim().max(40).optional().nullable(),
  email: email().optional(),
  phone: phone(),
  gender: z.enum(["M", "F"]).optional(),
  identity_number: z.string().regex(/^\d{10,11}$/),
  birthdate: birthdate().optional(),
  tax_office: z.string().trim().min(3).max(40).optional(),
});

/** Invoice rules of a billing address: a TCKN for Individual; a VKN, company name and tax office for Corporate. */
export function checkInvoice(
  a: {
    invoice_type: "Individual" | "Corporate";
    tax_number: string;
    company_name?: string | undefined;
    tax_office?: string | undefined;
  },
  issue: z.RefinementCtx,
): void {
  if (a.invoice_type === "Individual" && !isValidTckn(a.tax_number))
    issue.addIssue({
      code: "custom",
      path: ["tax_number"],
      params: { tr: "Geçersiz T.C. kimlik numarası.", en: "The tax number is not a valid TCKN." },
    });
  if (a.invoice_type === "Corporate") {
    if (!isValidVkn(a.tax_number))
      issue.addIssue({
        code: "custom",
        path: ["tax_number"],
        params: {
          tr: "Geçersiz vergi kimlik numarası.",
          en: "The tax number is not a valid VKN.",
        },
      });
    if (!a.company_name)
      issue.addIssue({
        code: "custom",
        path: ["company_name"],
        params: {
          tr: "Kurumsal faturada şirket adı gereklidir.",
          en: "The company name field is required for corporate invoices.",
        },
      });
    if (!a.tax_office)
      issue.addIssue({
        code: "custom",
        path: ["tax_office"],
        params: {
          tr: "Kurumsal faturada vergi dairesi gereklidir.",
          en: "The tax office field is required for corporate invoices.",
        },
      });
  }
}
