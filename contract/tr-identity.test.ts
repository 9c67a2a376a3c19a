import { describe, expect, it } from "vitest";
import { isValidTckn, isValidVkn } from "./tr-identity.ts";

describe("TCKN", () => {
  it("accepts valid numbers", () => {
    expect(isValidTckn("10000000146")).toBe(true);
    expect(isValidTckn("46714948610")).toBe(true);
  });
  it("rejects the docs' sample id, wrong checksums, a leading zero and non-digits", () => {
    expect(isValidTckn("12345677938")).toBe(false);
    expect(isValidTckn("10000000147")).toBe(false);
    expect(isValidTckn("10000000136")).toBe(false);
    expect(isValidTckn("01000000146")).toBe(false);
    expect(isValidTckn("1000000014a")).toBe(false);
    expect(isValidTckn("1000000014")).toBe(false);
    expect(isValidTckn("")).toBe(false);
  });
});

describe("VKN", () => {
  it("accepts valid numbers", () => {
    expect(isValidVkn("1234567890")).toBe(true);
    expect(isValidVkn("4610427530")).toBe(true);
  });
  it("rejects the docs' sample id and malformed input", () => {
    expect(isValidVkn("1234567793")).toBe(false);
    expect(isValidVkn("1234567891")).toBe(false);
    expect(isValidVkn("123456789")).toBe(false);
    expect(isValidVkn("12345678901")).toBe(false);
    expect(isValidVkn("12345a7890")).toBe(false);
  });
});
