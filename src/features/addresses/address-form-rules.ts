import { zodResolver } from "@hookform/resolvers/zod";
import { useLingui } from "@lingui/react";
import { useMemo } from "react";
import type { FieldPath, Resolver } from "react-hook-form";
import {
  addressFormSchema,
  type AddressForm,
  type AddressFormInput,
} from "../../../contract/addresses";
import { issueMessage } from "../../../contract/issue-messages";
import { TR_PROVINCES } from "../../../contract/tr-provinces";

/** The address form's rules: its fields in the order shown, its empty values, its checks. */

export type FieldName = FieldPath<AddressFormInput>;

/** The fields in the order they are shown: the first one with an error gets the focus. */
const FIELD_ORDER = [
  "fullName",
  "phone",
  "city",
  "county",
  "district",
  "zipcode",
  "line",
  "invoiceType",
  "companyName",
  "taxOffice",
  "taxNumber",
] as const satisfies readonly FieldName[];

export function isFieldName(key: string): key is (typeof FIELD_ORDER)[number] {
  return FIELD_ORDER.some((name) => name === key);
}

/** An individual invoice shows no company name or tax office. */
export function visibleFields(values: AddressFormInput): readonly FieldName[] {
  return values.invoiceType === "corporate"
    ? FIELD_ORDER
    : FIELD_ORDER.filter((name) => name !== "companyName" && name !== "taxOffice");
}

export const EMPTY_ADDRESS: Required<AddressFormInput> = {
  fullName: "",
  phone: "",
  city: "",
  county: "",
  district: "",
  line: "",
  zipcode: "",
  invoiceType: "individual",
  taxNumber: "",
  companyName: "",
  taxOffice: "",
};

/** Provinces in Turkish alphabetical order (Çanakkale after Bursa, İstanbul after Isparta). */
export const PROVINCE_NAMES = TR_PROVINCES.map((p) => p.name).sort((a, b) =>
  a.localeCompare(b, "tr"),
);

/**
 * The contract's schema, worded in the shop's current language by the shared issue table.
 * An individual invoice has no company or tax office, whatever the hidden fields still hold.
 */
export function useAddressResolver(
  /** A TCKN given earlier: an individual invoice's tax number when the field is not shown. */
  knownTckn?: string,
): Resolver<AddressFormInput, unknown, AddressForm> {
  const { i18n } = useLingui();
  return useMemo(() => {
    const resolve = zodResolver(addressFormSchema, {
      error: (issue) => issueMessage(issue, i18n.locale === "en" ? "en" : "tr"),
    });
    // Empty corporate details count as missing, so the contract's own words say what is needed.
    const given = (value: string | undefined) => (value?.trim() ? value : undefined);
    return (values, context, options) => {
      const corporate = values.invoiceType === "corporate";
      return resolve(
        {
          ...values,
          companyName: corporate ? given(values.companyName) : undefined,
          taxOffice: corporate ? given(values.taxOffice) : undefined,
          ...(knownTckn && !corporate ? { taxNumber: knownTckn } : {}),
        },
        context,
        options,
      );
    };
  }, [i18n, knownTckn]);
}
