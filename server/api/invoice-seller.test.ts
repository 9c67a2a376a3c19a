import { describe, expect, it } from "vitest";
import { invoiceSchema } from "../../contract/orders.ts";
import { SELLER as LEGAL_DOC_SELLER } from "../../sandbox/wire/legal-doc.ts";
import { apiClient, paidOrder, useTestProxy } from "./api-test-client.ts";
import { configuredSeller, SAMPLE_SELLER } from "./invoice-view.ts";

const proxy = useTestProxy({
  env: {
    INVOICE_SELLER_NAME: "Örnek Banka Kıymetli Madenler A.Ş.",
    INVOICE_SELLER_TAX_OFFICE: "Boğaziçi Kurumlar",
    INVOICE_SELLER_TAX_NUMBER: "4610427530",
    INVOICE_SELLER_ADDRESS: "Büyükdere Cad. No: 1, 34330 Beşiktaş / İstanbul",
  },
});

describe("invoice seller from configuration", () => {
  it("prints the configured seller: Minted's invoice names none", async () => {
    const api = await apiClient(proxy(), "DEMO-IND-001", "tr");
    const code = await paidOrder(api);
    const invoice = invoiceSchema.parse(
      (await api.call("GET", `/api/orders/${code}/invoice`)).json,
    );
    expect(invoice.seller).toEqual({
      name: "Örnek Banka Kıymetli Madenler A.Ş.",
      taxOffice: "Boğaziçi Kurumlar",
      taxNumber: "4610427530",
      address: "Büyükdere Cad. No: 1, 34330 Beşiktaş / İstanbul",
      sample: false,
    });
  });

  it("outside production without configuration: the sample seller, marked as such", () => {
    expect(configuredSeller({ sandboxMode: true })).toEqual(SAMPLE_SELLER);
    expect(SAMPLE_SELLER.sample).toBe(true);
    expect(() => configuredSeller({ sandboxMode: false })).toThrow(/INVOICE_SELLER_/);
  });

  it("the sample seller is the company and address of the sandbox's legal documents", () => {
    expect(SAMPLE_SELLER.name).toBe(LEGAL_DOC_SELLER.name);
    expect(SAMPLE_SELLER.address).toBe(LEGAL_DOC_SELLER.address);
  });
});
