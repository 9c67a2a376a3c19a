import { describe, expect, it } from "vitest";
import { amountInWordsTr, integerInWordsTr } from "./amount-in-words.ts";

describe("integerInWordsTr", () => {
  it.each([
    [0, "sıfır"],
    [7, "yedi"],
    [10, "on"],
    [19, "on dokuz"],
    [100, "yüz"],
    [101, "yüz bir"],
    [999, "dokuz yüz doksan dokuz"],
    [1000, "bin"],
    [1001, "bin bir"],
    [2000, "iki bin"],
    [11_000, "on bir bin"],
    [100_000, "yüz bin"],
    [1_000_000, "bir milyon"],
    [1_001_000, "bir milyon bin"],
    [4_470_010, "dört milyon dört yüz yetmiş bin on"],
    [2_000_000_000, "iki milyar"],
  ])("%d → %s", (n, words) => {
    expect(integerInWordsTr(n)).toBe(words);
  });

  it("refuses what it cannot spell", () => {
    expect(() => integerInWordsTr(-1)).toThrow(RangeError);
    expect(() => integerInWordsTr(1.5)).toThrow(RangeError);
  });
});

describe("amountInWordsTr", () => {
  it("spells lira and kuruş", () => {
    expect(amountInWordsTr(4470.1, "TRY")).toBe("Yalnız dört bin dört yüz yetmiş TL on kuruş");
    expect(amountInWordsTr(125_000, "TRY")).toBe("Yalnız yüz yirmi beş bin TL");
    expect(amountInWordsTr(0.05, "TRY")).toBe("Yalnız sıfır TL beş kuruş");
  });

  it("rounds to the cent without floating-point drift", () => {
    expect(amountInWordsTr(1234.565, "TRY")).toBe(
      "Yalnız bin iki yüz otuz dört TL elli yedi kuruş",
    );
    expect(amountInWordsTr(0.1 + 0.2, "TRY")).toBe("Yalnız sıfır TL otuz kuruş");
  });

  it("names other currencies", () => {
    expect(amountInWordsTr(12.5, "USD")).toBe("Yalnız on iki ABD doları elli sent");
    expect(amountInWordsTr(1, "EUR")).toBe("Yalnız bir avro");
  });
});
