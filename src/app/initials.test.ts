import { describe, expect, it } from "vitest";
import { initialsOf } from "./initials";

describe("initialsOf", () => {
  it("takes the first and last word's first letter, upper-cased the Turkish way", () => {
    expect(initialsOf("Ayşe Yılmaz")).toBe("AY");
    expect(initialsOf("ilkay mehmet şahin")).toBe("İŞ");
    expect(initialsOf("  Özge ")).toBe("Ö");
    expect(initialsOf("Minted Kuyumculuk A.Ş.")).toBe("MA");
  });

  it("is empty for a blank name", () => {
    expect(initialsOf("   ")).toBe("");
  });
});
