import { describe, expect, it } from "vitest";
import { clearIdentityDraft, readIdentityDraft, writeIdentityDraft } from "./identity-draft";

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe("identity drafts", () => {
  it("keep name, e-mail and phone, never the identity number", () => {
    const storage = memoryStorage();
    writeIdentityDraft(
      {
        firstname: "Ayşe",
        lastname: "Yılmaz",
        identityNumber: "10000000146",
        email: "ayse@example.com",
        phone: "+90 532 111 22 33",
      },
      storage,
    );
    expect([...storage.items.values()].join("")).not.toContain("10000000146");
    expect(readIdentityDraft(storage)).toEqual({
      firstname: "Ayşe",
      lastname: "Yılmaz",
      email: "ayse@example.com",
      phone: "+90 532 111 22 33",
    });
    clearIdentityDraft(storage);
    expect(readIdentityDraft(storage)).toBeNull();
  });

  it("keep a company's name, tax office and VKN with the account type", () => {
    const storage = memoryStorage();
    writeIdentityDraft(
      {
        accountType: "company",
        firstname: "",
        identityNumber: "10000000146",
        companyName: "Anadolu Kuyumculuk A.Ş.",
        taxNumber: "4610427530",
        taxOffice: "Kozyatağı",
        email: "muhasebe@example.com",
        phone: "+90 532 111 22 33",
      },
      storage,
    );
    expect([...storage.items.values()].join("")).not.toContain("10000000146");
    expect(readIdentityDraft(storage)).toEqual({
      accountType: "company",
      firstname: "",
      companyName: "Anadolu Kuyumculuk A.Ş.",
      taxNumber: "4610427530",
      taxOffice: "Kozyatağı",
      email: "muhasebe@example.com",
      phone: "+90 532 111 22 33",
    });
    storage.setItem("minted.identity-draft.v1", JSON.stringify({ accountType: "ngo" }));
    expect(readIdentityDraft(storage)).toBeNull();
  });

  it("ignore stored data that is not a draft", () => {
    const storage = memoryStorage();
    storage.setItem("minted.identity-draft.v1", "{not json");
    expect(readIdentityDraft(storage)).toBeNull();
    storage.setItem("minted.identity-draft.v1", JSON.stringify({ email: 42 }));
    expect(readIdentityDraft(storage)).toBeNull();
  });

  it("work without storage", () => {
    writeIdentityDraft({ firstname: "Ayşe" }, null);
    expect(readIdentityDraft(null)).toBeNull();
  });
});
