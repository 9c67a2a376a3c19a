import { describe, expect, it } from "vitest";
import { invoiceSchema } from "../../contract/orders.ts";
import { apiClient, paidOrder, useTestProxy } from "./api-test-client.ts";

const proxy = useTestProxy({
  env: {
    INVOICE_SELLER_NAME: "Örnek Banka Kıymetli Madenler A.Ş.",
    INVOICE_SELLER_TAX_OFFICE: "Boğaziçi Kurumlar",
    INVOICE_SELLER_TAX_NUMBER: "4610427530",
    INVOICE_SELLER_ADDRESS: "Büyükdere Cad. No: 1, 34330 Beşiktaş / İstanbul",
  },
});

describe("invoice seller from configuration", () => {
  it("prints the configured seller instead of upstream's", async () => {
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
    });
  });
});
