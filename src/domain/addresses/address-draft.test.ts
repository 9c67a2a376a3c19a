import { describe, expect, it } from "vitest";
import { clearDraft, readDraft, writeDraft } from "./address-draft";

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe("address drafts", () => {
  it("keeps what was typed, per form, until cleared", () => {
    const storage = memoryStorage();
    writeDraft("checkout-shipping", { fullName: "Ayşe", invoiceType: "corporate" }, storage);
    writeDraft("addresses-new", { zipcode: "347" }, storage);
    expect(readDraft("checkout-shipping", storage)).toEqual({
      fullName: "Ayşe",
      invoiceType: "corporate",
    });
    expect(readDraft("addresses-new", storage)).toEqual({ zipcode: "347" });
    clearDraft("checkout-shipping", storage);
    expect(readDraft("checkout-shipping", storage)).toBeNull();
    expect(readDraft("addresses-new", storage)).toEqual({ zipcode: "347" });
  });

  it("ignores stored data that is not a draft", () => {
    const storage = memoryStorage();
    const key = "minted.address-draft.v1.f";
    for (const bad of [
      "{not json",
      "null",
      "[]",
      '"text"',
      JSON.stringify({ fullName: 42 }),
      JSON.stringify({ invoiceType: "government" }),
      JSON.stringify({ line: "x".repeat(501) }),
    ]) {
      storage.items.set(key, bad);
      expect(readDraft("f", storage), bad).toBeNull();
    }
  });

  it("drops unknown keys and survives a storage that throws", () => {
    const storage = memoryStorage();
    storage.items.set("minted.address-draft.v1.f", JSON.stringify({ city: "İzmir", extra: 1 }));
    expect(readDraft("f", storage)).toEqual({ city: "İzmir" });

    const refusing = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(readDraft("f", refusing)).toBeNull();
    expect(() => {
      writeDraft("f", { city: "İzmir" }, refusing);
      clearDraft("f", refusing);
    }).not.toThrow();
  });

  it("works without any storage", () => {
    expect(readDraft("f", null)).toBeNull();
    expect(() => writeDraft("f", { city: "İzmir" }, null)).not.toThrow();
  });
});
