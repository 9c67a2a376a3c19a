import { describe, expect, it } from "vitest";
import { issueMessage } from "../../../contract/issue-messages";
import { guestIdentityPrefill, rememberGuestIdentity } from "./guest-identity";
import { checkIdentity, EMPTY_IDENTITY, FIELD_ORDER, type IdentityInput } from "./identity-input";

const typed: IdentityInput = {
  ...EMPTY_IDENTITY,
  firstname: "Deniz",
  lastname: "Aksoy",
  identityNumber: "10000000146",
  companyName: "Anadolu Kuyumculuk A.Ş.",
  taxNumber: "4610427530",
  taxOffice: "Kozyatağı",
  email: "deniz@example.com",
  phone: "+90 532 123 45 67",
};
const tr = (issue: Parameters<typeof issueMessage>[0]) => issueMessage(issue, "tr");

describe("the identity form", () => {
  it("sends only the chosen account type's fields", () => {
    expect(checkIdentity(typed, tr)).toEqual({
      ok: true,
      body: {
        accountType: "person",
        firstname: "Deniz",
        lastname: "Aksoy",
        identityNumber: "10000000146",
        email: "deniz@example.com",
        phone: "+905321234567",
      },
    });
    expect(checkIdentity({ ...typed, accountType: "company" }, tr)).toEqual({
      ok: true,
      body: {
        accountType: "company",
        companyName: "Anadolu Kuyumculuk A.Ş.",
        taxNumber: "4610427530",
        taxOffice: "Kozyatağı",
        email: "deniz@example.com",
        phone: "+905321234567",
      },
    });
  });

  it("words a company's errors at its own fields, in the order they are shown", () => {
    const result = checkIdentity(
      { ...typed, accountType: "company", taxNumber: "4610427531", taxOffice: "", firstname: "" },
      tr,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        taxNumber: "Geçerli bir vergi kimlik numarası girin.",
        taxOffice: "Bu alan gerekli.",
      },
    });
    expect(FIELD_ORDER.company).toEqual([
      "companyName",
      "taxNumber",
      "taxOffice",
      "email",
      "phone",
    ]);
  });

  it("carries a company's invoice facts to the first address, a person's name", () => {
    rememberGuestIdentity({
      accountType: "company",
      companyName: "Anadolu Kuyumculuk A.Ş.",
      taxNumber: "4610427530",
      taxOffice: "Kozyatağı",
      email: "deniz@example.com",
      phone: "+905321234567",
    });
    expect(guestIdentityPrefill()).toEqual({
      phone: "+90 532 123 45 67",
      invoiceType: "corporate",
      companyName: "Anadolu Kuyumculuk A.Ş.",
      taxOffice: "Kozyatağı",
      taxNumber: "4610427530",
    });
    rememberGuestIdentity({
      accountType: "person",
      firstname: "Deniz",
      lastname: "Aksoy",
      identityNumber: "10000000146",
      email: "deniz@example.com",
      phone: "+905321234567",
    });
    expect(guestIdentityPrefill()).toEqual({ fullName: "Deniz Aksoy", phone: "+90 532 123 45 67" });
  });
});
