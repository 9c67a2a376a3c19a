import { describe, expect, it } from "vitest";
import { formatTrPhone, maskTrPhoneInput } from "./tr-phone";

/** The field after typing `digits` one at a time, masked after each. */
function typeDigits(digits: string): string {
  let field = "";
  for (const digit of digits) field = maskTrPhoneInput(field + digit);
  return field;
}

describe("formatTrPhone", () => {
  it("groups a +90 number for reading", () => {
    expect(formatTrPhone("+905321112233")).toBe("+90 532 111 22 33");
    expect(formatTrPhone("+902165550011")).toBe("+90 216 555 00 11");
    expect(formatTrPhone("05321112233")).toBe("+90 532 111 22 33");
  });

  it("leaves anything else as it was", () => {
    expect(formatTrPhone("+44 20 7946 0958")).toBe("+44 20 7946 0958");
    expect(formatTrPhone("12")).toBe("12");
  });
});

describe("maskTrPhoneInput", () => {
  it("formats as the customer types", () => {
    const typed = "5321112233";
    expect(typeDigits(typed)).toBe("+90 532 111 22 33");
    expect(maskTrPhoneInput("5")).toBe("+90 5");
    expect(maskTrPhoneInput("+90 532 1")).toBe("+90 532 1");
  });

  it("accepts the usual spellings, typed or pasted", () => {
    for (const input of [
      "05321112233",
      "0 (532) 111-22-33",
      "+90 532 111 22 33",
      "+905321112233",
      "905321112233",
      "00905321112233",
    ])
      expect(maskTrPhoneInput(input), input).toBe("+90 532 111 22 33");
    const typed = "905321112233";
    expect(typeDigits(typed)).toBe("+90 532 111 22 33");
  });

  it("lets the field be emptied, and keeps extra digits for the schema to refuse", () => {
    expect(maskTrPhoneInput("+90 ")).toBe("");
    expect(maskTrPhoneInput("+90")).toBe("");
    expect(maskTrPhoneInput("")).toBe("");
    expect(maskTrPhoneInput("532111223344")).toBe("+90 532 111 22 3344");
  });
});
