import { describe, expect, it } from "vitest";
import { formatDateTime, formatGrams, formatMoney, formatMoneyChange } from "./format";

// Intl output uses narrow no-break spaces in places; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatMoney", () => {
  it("formats Turkish lira in Turkish and English", () => {
    expect(formatMoney(1234.5, "TRY", "tr")).toBe("₺1.234,50");
    expect(formatMoney(1234.5, "TRY", "en")).toBe("₺1,234.50");
  });

  it("keeps the precision of decimal strings", () => {
    expect(formatMoney("98765432.105", "TRY", "tr")).toBe("₺98.765.432,11");
    expect(formatMoney("0.10", "USD", "en")).toBe("$0.10");
  });

  it("formats other currencies and negative amounts", () => {
    expect(plain(formatMoney(-12, "EUR", "tr"))).toBe("-€12,00");
    expect(formatMoney(2500, "USD", "en-US")).toBe("$2,500.00");
  });
});

describe("formatDateTime", () => {
  const instant = "2025-03-09T10:05:00Z";

  it("formats in the shop's locales and a given time zone", () => {
    expect(plain(formatDateTime(instant, "tr", { timeZone: "Europe/Istanbul" }))).toBe(
      "9 Mar 2025 13:05",
    );
    expect(plain(formatDateTime(instant, "en", { timeZone: "Europe/Istanbul" }))).toBe(
      "9 Mar 2025, 13:05",
    );
  });

  it("accepts dates and epoch milliseconds, and can omit the time", () => {
    const date = new Date(instant);
    expect(formatDateTime(date.getTime(), "en", { timeZone: "UTC", timeStyle: null })).toBe(
      "9 Mar 2025",
    );
    expect(plain(formatDateTime(date, "en", { timeZone: "UTC", dateStyle: "long" }))).toBe(
      "9 March 2025 at 10:05",
    );
  });

  it("rejects invalid input instead of printing 'Invalid Date'", () => {
    expect(() => formatDateTime("not a date", "tr")).toThrow(RangeError);
  });
});

describe("formatMoneyChange", () => {
  it("signs rises and falls and leaves zero unsigned", () => {
    expect(plain(formatMoneyChange(-72.67, "TRY", "tr"))).toBe("-₺72,67");
    expect(plain(formatMoneyChange(5, "TRY", "en"))).toBe("+₺5.00");
    expect(plain(formatMoneyChange(0, "USD", "en"))).toBe("$0.00");
  });
});

describe("formatGrams", () => {
  it("writes grams as the language does, never as kilograms", () => {
    expect(plain(formatGrams(2.5, "tr"))).toBe("2,5 g");
    expect(plain(formatGrams(2.5, "en"))).toBe("2.5 g");
    expect(plain(formatGrams(1250.1234, "tr"))).toBe("1.250,1234 g");
    expect(plain(formatGrams(0.12345, "en"))).toBe("0.1235 g");
    expect(plain(formatGrams(0.125, "en", 2))).toBe("0.13 g");
  });
});
