import { describe, expect, it } from "vitest";
import { z } from "zod/mini";
import { addressFormSchema, createAddressBodySchema, normalizeTrMobile } from "./addresses.ts";
import { identityBodySchema } from "./basket.ts";
import { completeCheckoutBodySchema, setCheckoutAddressesBodySchema } from "./checkout.ts";
import { digitalQuoteBodySchema } from "./digital.ts";
import { TR_PROVINCES, findProvince, zipcodeMatchesProvince } from "./tr-provinces.ts";

const valid = {
  fullName: "Ayşe Yılmaz",
  phone: "+90 532 111 22 33",
  city: "İstanbul",
  county: "Kadıköy",
  district: "Caferağa Mah.",
  line: "Moda Cad. No: 12 D: 5",
  zipcode: "34710",
  invoiceType: "individual" as const,
  taxNumber: "10000000146",
};

/** Field → custom messages (tr), as the proxy and the form show them. */
function errorsOf(schema: z.ZodMiniType, input: unknown): Record<string, string[]> {
  const result = z.safeParse(schema, input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const params =
      issue.code === "custom" ? (issue.params as { en?: string } | undefined) : undefined;
    (out[issue.path.join(".")] ??= []).push(params?.en ?? issue.code);
  }
  return out;
}

describe("Turkish mobile numbers", () => {
  it("normalises the usual spellings to E.164", () => {
    for (const input of [
      "+90 532 111 22 33",
      "+905321112233",
      "0532 111 22 33",
      "0 (532) 111-22-33",
      "5321112233",
      "90 532 111 2233",
      "0090 532 111 22 33",
      " 532.111.22.33 ",
    ])
      expect(normalizeTrMobile(input), input).toBe("+905321112233");
  });
  it("rejects landlines, short numbers and letters", () => {
    for (const input of [
      "+90 212 555 00 11",
      "0532 111 22 3",
      "+1 532 111 22 33",
      "532111223a",
      "",
    ])
      expect(normalizeTrMobile(input), input).toBeNull();
  });
  it("is what the form answers", () => {
    const parsed = z.parse(addressFormSchema, { ...valid, phone: "0532 111 22 33" });
    expect(parsed.phone).toBe("+905321112233");
  });
});

describe("provinces", () => {
  it("lists the 81 provinces with unique plate codes 01–81", () => {
    expect(TR_PROVINCES).toHaveLength(81);
    expect(TR_PROVINCES.map((p) => Number(p.plate))).toEqual(
      Array.from({ length: 81 }, (_, i) => i + 1),
    );
  });
  it("finds a province by name under Turkish case rules", () => {
    expect(findProvince("istanbul")?.plate).toBe("34");
    expect(findProvince(" IĞDIR ")?.name).toBe("Iğdır");
    expect(findProvince("İZMİR")?.plate).toBe("35");
    expect(findProvince("Gotham")).toBeUndefined();
  });
  it("matches postcodes to plate codes", () => {
    const ankara = findProvince("Ankara");
    expect(ankara && zipcodeMatchesProvince("06420", ankara)).toBe(true);
    expect(ankara && zipcodeMatchesProvince("34710", ankara)).toBe(false);
  });
});

describe("address form", () => {
  it("refuses a missing or null form instead of throwing (a 500 the fuzz suite found)", () => {
    expect(z.safeParse(createAddressBodySchema, null).success).toBe(false);
    expect(z.safeParse(addressFormSchema, undefined).success).toBe(false);
    expect(z.safeParse(setCheckoutAddressesBodySchema, {}).success).toBe(false);
    expect(z.safeParse(setCheckoutAddressesBodySchema, { __proto__: { x: 1 } }).success).toBe(
      false,
    );
  });
  it("accepts a valid individual address and canonicalises the province", () => {
    const parsed = z.parse(addressFormSchema, { ...valid, city: "istanbul" });
    expect(parsed.city).toBe("İstanbul");
  });
  it("accepts a corporate address with a VKN, company name and tax office", () => {
    expect(
      errorsOf(addressFormSchema, {
        ...valid,
        invoiceType: "corporate",
        taxNumber: "4610427530",
        companyName: "Anadolu Kıymetli Madenler A.Ş.",
        taxOffice: "Kozyatağı",
      }),
    ).toEqual({});
  });
  it("rejects a postcode of another province", () => {
    expect(errorsOf(addressFormSchema, { ...valid, zipcode: "06420" })).toEqual({
      zipcode: ["A postcode in İstanbul starts with 34."],
    });
  });
  it("rejects a TCKN with a wrong checksum (the docs' sample id)", () => {
    expect(errorsOf(addressFormSchema, { ...valid, taxNumber: "12345677938" })).toEqual({
      taxNumber: ["Enter a valid Turkish identity number (TCKN)."],
    });
  });
  it("asks a corporate invoice for a valid VKN, company name and tax office", () => {
    expect(
      errorsOf(addressFormSchema, { ...valid, invoiceType: "corporate", taxNumber: "1234567793" }),
    ).toEqual({
      taxNumber: ["Enter a valid tax number (VKN)."],
      companyName: ["A company name is required for a corporate invoice."],
      taxOffice: ["A tax office is required for a corporate invoice."],
    });
  });
  it("reports every field error at once", () => {
    const errors = errorsOf(createAddressBodySchema, {
      ...valid,
      type: "shipping",
      fullName: "A",
      phone: "123",
      city: "Gotham",
      taxNumber: "1",
    });
    expect(Object.keys(errors).sort()).toEqual(["city", "fullName", "phone", "taxNumber"]);
  });
  it("requires the type when saving", () => {
    expect(Object.keys(errorsOf(createAddressBodySchema, valid))).toEqual(["type"]);
  });
});

describe("other forms", () => {
  it("checks the identity form's TCKN and normalises its phone", () => {
    const body = {
      firstname: "Can",
      lastname: "Demir",
      identityNumber: "10000000146",
      email: "can@example.com",
      phone: "0532 111 22 33",
    };
    // Without accountType the body is a person's, as before corporate guests.
    expect(z.parse(identityBodySchema, body)).toMatchObject({
      accountType: "person",
      phone: "+905321112233",
    });
    expect(
      Object.keys(errorsOf(identityBodySchema, { ...body, identityNumber: "10000000147" })),
    ).toEqual(["identityNumber"]);
  });
  it("tells a company guest from a person by accountType and checks its VKN", () => {
    const company = {
      accountType: "company",
      companyName: "Anadolu Kuyumculuk A.Ş.",
      taxNumber: "4610427530",
      taxOffice: "Kozyatağı",
      email: "muhasebe@example.com",
      phone: "0532 111 22 33",
    };
    expect(z.parse(identityBodySchema, company)).toEqual({ ...company, phone: "+905321112233" });
    expect(
      Object.keys(errorsOf(identityBodySchema, { ...company, taxNumber: "4610427531" })),
    ).toEqual(["taxNumber"]);
    // Create Business Customer takes 3–40 characters for the name and the tax office.
    expect(
      Object.keys(
        errorsOf(identityBodySchema, { ...company, companyName: "x".repeat(41), taxOffice: "K" }),
      ),
    ).toEqual(["companyName", "taxOffice"]);
    // A person's fields do not make a company: the company's own are missing.
    expect(
      Object.keys(
        errorsOf(identityBodySchema, {
          accountType: "company",
          firstname: "Can",
          lastname: "Demir",
          identityNumber: "10000000146",
          email: "can@example.com",
          phone: "0532 111 22 33",
        }),
      ),
    ).toEqual(["companyName", "taxNumber", "taxOffice"]);
    expect(Object.keys(errorsOf(identityBodySchema, { ...company, accountType: "ngo" }))).toEqual([
      "accountType",
    ]);
  });
  it("requires both legal documents at completion", () => {
    const body = {
      quoteId: "0123456789abcdef0123456789abcdef",
      paymentType: "card",
      legalAcceptances: [
        { type: "pre_information", version: "2026.1", acceptedAt: "2026-01-01T10:00:00Z" },
      ],
    };
    expect(Object.keys(errorsOf(completeCheckoutBodySchema, body))).toEqual(["legalAcceptances"]);
  });
  it("takes grams or an amount for a digital quote, not both", () => {
    const base = { metal: "gold", side: "buy", currency: "TRY" };
    expect(errorsOf(digitalQuoteBodySchema, { ...base, grams: 1.5 })).toEqual({});
    expect(errorsOf(digitalQuoteBodySchema, { ...base, amount: 1000 })).toEqual({});
    expect(Object.keys(errorsOf(digitalQuoteBodySchema, { ...base, grams: 1, amount: 1 }))).toEqual(
      ["grams"],
    );
    expect(Object.keys(errorsOf(digitalQuoteBodySchema, base))).toEqual(["grams"]);
    expect(Object.keys(errorsOf(digitalQuoteBodySchema, { ...base, grams: 0.00001 }))).toEqual([
      "grams",
    ]);
  });
});
