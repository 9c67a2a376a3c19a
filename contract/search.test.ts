import { describe, expect, it } from "vitest";
import { foldForSearch, matchesSearch, searchWords } from "./search.ts";

describe("foldForSearch", () => {
  it.each([
    ["KÜLÇE", "kulce"],
    ["külçe", "kulce"],
    ["Çeyrek Altın", "ceyrek altin"],
    ["ALTIN", "altin"],
    ["altın", "altin"],
    ["İSTANBUL", "istanbul"],
    ["Işık", "isik"],
    ["GÜMÜŞ", "gumus"],
    ["Dağ", "dag"],
    ["Öz", "oz"],
    ["  Ata   Beşli ", "ata besli"],
    ["SILVER", "silver"],
  ])("%s → %s", (input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });
});

describe("matchesSearch", () => {
  const name = "Minted 5 Gr 999,9 Külçe Altın";
  it("finds names whatever the case or diacritics of the search", () => {
    expect(matchesSearch("Çeyrek Altın (22 Ayar)", searchWords("ceyrek"))).toBe(true);
    expect(matchesSearch(name, searchWords("KÜLÇE"))).toBe(true);
    expect(matchesSearch(name, searchWords("külçe"))).toBe(true);
    expect(matchesSearch(name, searchWords("ALTIN"))).toBe(true);
  });

  it("needs every word, in any order", () => {
    expect(matchesSearch(name, searchWords("altin kulce"))).toBe(true);
    expect(matchesSearch(name, searchWords("altin gumus"))).toBe(false);
    expect(matchesSearch("Gümüş Ons Sikke 999", searchWords("ceyrek"))).toBe(false);
  });

  it("a blank search has no words and matches everything", () => {
    expect(searchWords("   ")).toEqual([]);
    expect(searchWords(undefined)).toEqual([]);
    expect(matchesSearch(name, [])).toBe(true);
  });
});
