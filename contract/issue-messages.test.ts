import { describe, expect, it } from "vitest";
import { z } from "zod/mini";
import { addressFormSchema } from "./addresses.ts";
import { identityBodySchema } from "./basket.ts";
import { issueErrorMap, issueMessage, type MessageLang } from "./issue-messages.ts";

const filled = {
  fullName: "Ayşe Yılmaz",
  phone: "+90 532 111 22 33",
  city: "İstanbul",
  county: "Kadıköy",
  district: "Caferağa Mah.",
  line: "Moda Cad. No: 12 D: 5",
  zipcode: "34710",
  invoiceType: "individual",
  taxNumber: "10000000146",
};

/** Field → message, as the shop's form shows them (raw issues through the error map). */
function formErrors(input: unknown, lang: MessageLang): Record<string, string> {
  const result = z.safeParse(addressFormSchema, input, { error: issueErrorMap(lang) });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

/** Field → message, as the proxy words them (finished issues, no input reported). */
function proxyErrors(input: unknown, lang: MessageLang): Record<string, string> {
  const result = z.safeParse(addressFormSchema, input);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((i) => [i.path.join("."), issueMessage(i, lang)]),
  );
}

describe("issue messages", () => {
  it("words the guest identity form's checks, the e-mail's format included", () => {
    const input = {
      firstname: "",
      lastname: "Y",
      identityNumber: "12345678901",
      email: "ayse@",
      phone: "0212 111 22 33",
    };
    const result = z.safeParse(identityBodySchema, input, { error: issueErrorMap("tr") });
    expect(result.success).toBe(false);
    const errors = Object.fromEntries(
      (result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]),
    );
    expect(errors).toEqual({
      firstname: "Bu alan gerekli.",
      lastname: "En az 2 karakter olmalı.",
      identityNumber: "Geçerli bir T.C. kimlik numarası girin.",
      email: "Geçerli bir e-posta adresi girin.",
      phone: "Geçerli bir cep telefonu numarası girin (+90 5xx xxx xx xx).",
    });
    const email = z.safeParse(identityBodySchema, { ...input, email: "x" });
    const issue = email.error?.issues.find((i) => i.path[0] === "email");
    expect(issue && issueMessage(issue, "en")).toBe("Enter a valid e-mail address.");
  });

  it("words built-in checks in Turkish and English", () => {
    const input = { ...filled, fullName: "Ay", line: "x".repeat(251) };
    expect(formErrors(input, "tr")).toEqual({
      fullName: "En az 3 karakter olmalı.",
      line: "En fazla 250 karakter olabilir.",
    });
    expect(formErrors(input, "en")).toEqual({
      fullName: "Must be at least 3 characters.",
      line: "Must be at most 250 characters.",
    });
  });

  it("calls an empty or missing field required", () => {
    expect(formErrors({ ...filled, county: "   " }, "tr")).toEqual({ county: "Bu alan gerekli." });
    const missing = Object.fromEntries(Object.entries(filled).filter(([k]) => k !== "county"));
    expect(formErrors(missing, "en")).toEqual({ county: "This field is required." });
    expect(proxyErrors(missing, "tr")).toEqual({ county: "Bu alan gerekli." });
  });

  it("uses a custom check's own words (params.tr / params.en)", () => {
    const input = { ...filled, taxNumber: "10000000145", zipcode: "06420" };
    expect(formErrors(input, "tr")).toEqual({
      taxNumber: "Geçerli bir T.C. kimlik numarası girin.",
      zipcode: "Posta kodu İstanbul için 34 ile başlamalı.",
    });
    expect(formErrors(input, "en")).toEqual({
      taxNumber: "Enter a valid Turkish identity number (TCKN).",
      zipcode: "A postcode in İstanbul starts with 34.",
    });
    expect(proxyErrors(input, "en")).toEqual(formErrors(input, "en"));
  });

  it("falls back to a generic message for custom checks without words", () => {
    const schema = z.string().check(z.refine(() => false));
    const result = z.safeParse(schema, "x", { error: issueErrorMap("tr") });
    expect(result.error?.issues[0]?.message).toBe("Geçersiz değer.");
    expect(z.safeParse(schema, "x", { error: issueErrorMap("en") }).error?.issues[0]?.message).toBe(
      "Invalid value.",
    );
  });

  it("words enum, format and unknown-key issues", () => {
    expect(formErrors({ ...filled, invoiceType: "other" }, "tr")).toEqual({
      invoiceType: "Geçerli bir seçenek değil.",
    });
    const strict = z.strictObject({ email: z.email(), code: z.string().check(z.regex(/^\d+$/)) });
    const result = z.safeParse(
      strict,
      { email: "nope", code: "x", extra: 1 },
      { error: issueErrorMap("en") },
    );
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "Enter a valid e-mail address.",
      "The format is not valid.",
      "Unknown field: extra.",
    ]);
  });
});
