import { z } from "zod/mini";
import { orderAddressSchema } from "./orders.ts";
import { findProvince, zipcodeMatchesProvince } from "./tr-provinces.ts";
import { isValidTckn, isValidVkn } from "./tr-identity.ts";

/**
 * Saved addresses and the address form. The form's rules live here so that the shop's form and
 * the proxy validate alike: custom checks carry their messages as `params: { tr, en }`.
 */

const msg = (tr: string, en: string) => ({ params: { tr, en } });

const text = (min: number, max: number) =>
  z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

/**
 * A Turkish mobile number in any usual spelling (`+90 5xx xxx xx xx`, `0 5xx …`, `5xx…`, with
 * spaces, dashes, dots or parentheses) in E.164 (`+905xxxxxxxxx`), or null.
 */
export function normalizeTrMobile(input: string): string | null {
  const digits = input.trim().replace(/[\s().-]/g, "");
  const national = /^(?:\+90|0090|90|0)?(5\d{9})$/.exec(digits)?.[1];
  return national ? `+90${national}` : null;
}

/** A Turkish mobile number; the output is E.164 (`+905xxxxxxxxx`). */
export const trMobileSchema = z.pipe(
  z
    .string()
    .check(
      z.refine(
        (v) => normalizeTrMobile(v) !== null,
        msg(
          "Geçerli bir cep telefonu numarası girin (+90 5xx xxx xx xx).",
          "Enter a valid mobile number (+90 5xx xxx xx xx).",
        ),
      ),
    ),
  z.transform((v) => normalizeTrMobile(v) ?? v),
);

/** One of the 81 provinces, answered in its canonical spelling (`istanbul` → `İstanbul`). */
export const provinceSchema = z.pipe(
  z
    .string()
    .check(
      z.refine(
        (v) => findProvince(v) !== undefined,
        msg("Listeden bir il seçin.", "Choose a province from the list."),
      ),
    ),
  z.transform((v): string => findProvince(v)?.name ?? v),
);

export const tcknSchema = z
  .string()
  .check(
    z.trim(),
    z.refine(
      isValidTckn,
      msg(
        "Geçerli bir T.C. kimlik numarası girin.",
        "Enter a valid Turkish identity number (TCKN).",
      ),
    ),
  );

/** A Turkish tax number (VKN): 10 digits with the Gelir İdaresi checksum. */
export const vknSchema = z
  .string()
  .check(
    z.trim(),
    z.refine(
      isValidVkn,
      msg("Geçerli bir vergi kimlik numarası girin.", "Enter a valid tax number (VKN)."),
    ),
  );

/** Lower-case, as order addresses answer it (Minted spells it `Individual` / `Corporate`). */
export const invoiceTypeSchema = z.enum(["individual", "corporate"]);
export type InvoiceType = z.infer<typeof invoiceTypeSchema>;

export const addressTypeSchema = z.enum(["shipping", "billing"]);
export type AddressType = z.infer<typeof addressTypeSchema>;

/** The fields of the address form (shipping and billing alike). */
const addressFormShape = {
  fullName: text(3, 80),
  phone: trMobileSchema,
  city: provinceSchema,
  county: text(2, 60),
  district: text(2, 80),
  /** Street, building, door: the address line. */
  line: text(5, 250),
  zipcode: z.string().check(
    z.trim(),
    z.refine(
      (v) => /^\d{5}$/.test(v),
      msg("Posta kodu 5 haneli olmalı.", "The postcode must have 5 digits."),
    ),
  ),
  invoiceType: invoiceTypeSchema,
  /** TCKN (11 digits) for an individual invoice, VKN (10 digits) for a corporate one. */
  taxNumber: z.string().check(z.trim()),
  companyName: z.optional(text(2, 150)),
  taxOffice: z.optional(text(2, 60)),
};

interface FormValues {
  /** Unknown: the rules run even when the city or the postcode failed their own checks. */
  city: unknown;
  zipcode: unknown;
  invoiceType: InvoiceType;
  taxNumber: string;
  companyName?: string | undefined;
  taxOffice?: string | undefined;
}

const RULE_FIELDS = new Set(["invoiceType", "taxNumber"]);

/** Cross-field rules: postcode ↔ province, TCKN or VKN by invoice type, corporate details. */
const addressRules = z.superRefine<FormValues>(
  (v, ctx) => {
    const add = (field: string, tr: string, en: string) =>
      // `continue`: the value still has the form's shape, so a union picks this branch.
      ctx.issues.push({
        code: "custom",
        path: [field],
        input: v,
        params: { tr, en },
        continue: true,
      });
    const province = typeof v.city === "string" ? findProvince(v.city) : undefined;
    const zipcode = typeof v.zipcode === "string" ? v.zipcode : "";
    if (province && /^\d{5}$/.test(zipcode) && !zipcodeMatchesProvince(zipcode, province))
      add(
        "zipcode",
        `Posta kodu ${province.name} için ${province.plate} ile başlamalı.`,
        `A postcode in ${province.name} starts with ${province.plate}.`,
      );
    if (v.invoiceType === "individual" && !isValidTckn(v.taxNumber))
      add(
        "taxNumber",
        "Geçerli bir T.C. kimlik numarası girin.",
        "Enter a valid Turkish identity number (TCKN).",
      );
    if (v.invoiceType === "corporate") {
      if (!isValidVkn(v.taxNumber))
        add(
          "taxNumber",
          "Geçerli bir vergi kimlik numarası girin.",
          "Enter a valid tax number (VKN).",
        );
      if (!v.companyName)
        add(
          "companyName",
          "Kurumsal faturada şirket adı gerekli.",
          "A company name is required for a corporate invoice.",
        );
      if (!v.taxOffice)
        add(
          "taxOffice",
          "Kurumsal faturada vergi dairesi gerekli.",
          "A tax office is required for a corporate invoice.",
        );
    }
  },
  // Run even when unrelated fields fail, so the form shows every error at once; but only on an
  // object (a null or missing form, e.g. `{}` for the checkout's union, is refused by the shape).
  {
    when: (payload) =>
      typeof payload.value === "object" &&
      payload.value !== null &&
      !payload.issues.some((i) => RULE_FIELDS.has(String(i.path?.[0]))),
  },
);

/** The address form (checkout's new address, and the body of "save address" less `type`). */
export const addressFormSchema = z.object(addressFormShape).check(addressRules);
export type AddressFormInput = z.input<typeof addressFormSchema>;
export type AddressForm = z.output<typeof addressFormSchema>;

/** POST /api/addresses */
export const createAddressBodySchema = z
  .object({ type: addressTypeSchema, ...addressFormShape })
  .check(addressRules);
export type CreateAddressBody = z.output<typeof createAddressBodySchema>;

/** A saved address: an order address (identity and tax numbers masked) with its id and type. */
export const addressSchema = z.extend(orderAddressSchema, {
  id: z.number(),
  type: addressTypeSchema,
});
export type Address = z.infer<typeof addressSchema>;

export const addressListSchema = z.object({ addresses: z.array(addressSchema) });
export type AddressList = z.infer<typeof addressListSchema>;

export const addressListQuerySchema = z.object({ type: z.optional(addressTypeSchema) });

export const addressIdParamsSchema = z.object({
  id: z.pipe(z.string().check(z.regex(/^[1-9]\d{0,15}$/)), z.transform(Number)),
});

export const deletedSchema = z.object({ deleted: z.literal(true) });
