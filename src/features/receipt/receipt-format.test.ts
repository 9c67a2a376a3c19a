import { describe, expect, it } from "vitest";
import type { OrderAddress } from "../../../contract/orders";
import { addressLines, cardLastFour, formatPhone, legalTypeLabel } from "./receipt-format";

const address: OrderAddress = {
  fullName: "Ayşe Yılmaz",
  companyName: null,
  phone: "+905321112233",
  email: null,
  city: "İstanbul",
  county: "Kadıköy",
  district: "Caferağa Mah.",
  street: "Moda Cad.",
  zipcode: "34710",
  line: "No: 12 D: 5",
  invoiceType: "individual",
  taxOffice: null,
  taxNumberMasked: "*********46",
};

describe("receipt formatting", () => {
  it("writes an address as a letter carries it, leaving out missing parts", () => {
    expect(addressLines(address)).toEqual([
      "Moda Cad. No: 12 D: 5",
      "Caferağa Mah.",
      "34710 Kadıköy / İstanbul",
    ]);
    expect(addressLines({ ...address, street: null, district: null, zipcode: null })).toEqual([
      "No: 12 D: 5",
      "Kadıköy / İstanbul",
    ]);
  });

  it("groups a Turkish mobile number; leaves others alone", () => {
    expect(formatPhone("+905321112233")).toBe("+90 532 111 22 33");
    expect(formatPhone("+90 (532) 111-22-33")).toBe("+90 532 111 22 33");
    expect(formatPhone("+4915112345678")).toBe("+4915112345678");
  });

  it("keeps the last four digits of a masked card", () => {
    expect(cardLastFour("**** **** **** 4321")).toBe("4321");
    expect(cardLastFour("450803******4321")).toBe("4321");
    expect(cardLastFour("****")).toBeNull();
  });

  it("names the two legal documents; an unknown type has no label", () => {
    expect(legalTypeLabel("pre_information")).toBe("receipt.legal.pre_information");
    expect(legalTypeLabel("distance_sales")).toBe("receipt.legal.distance_sales");
    expect(legalTypeLabel("toString")).toBeNull();
    expect(legalTypeLabel("kvkk")).toBeNull();
  });
});
