import { describe, expect, it } from "vitest";
import { inlineStyleHashes } from "./inline-styles.ts";

describe("inline style hashes", () => {
  it("finds the styles sonner and lightweight-charts inject, plus the empty element", () => {
    const hashes = inlineStyleHashes();
    expect(hashes).toHaveLength(3);
    for (const h of hashes) expect(h).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
    expect(hashes[0]).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });
});
