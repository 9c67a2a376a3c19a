import { describe, expect, it } from "vitest";
import { invoiceSchema } from "../../contract/orders.ts";
import { exampleData, responseExamples } from "../../minted/examples.ts";
import { upstreamInvoiceSchema } from "../../minted/schemas/invoice.ts";
import { bareInvoice, documentedInvoice } from "./invoice-examples.ts";
import { invoiceView, SAMPLE_SELLER } from "./invoice-view.ts";

const context = {
  seller: SAMPLE_SELLER,
  lang: "tr" as const,
  currency: "TRY" as const,
  order: null,
};

describe("invoice view from Minted's documented example", () => {
  it("shows the example's order code, customer, items and amounts, and invents nothing", () => {
    const view = invoiceSchema.parse(invoiceView(documentedInvoice(), context));
    expect(view).toEqual({
      orderCode: "FE9HURU6",
      orderedAt: null,
      currency: "TRY",
      seller: SAMPLE_SELLER,
      buyer: {
        name: "Mehmet Gülbilge",
        // As the crawl kept it (a non-breaking space inside).
        email: "[email\u00a0protected]",
        phone: "+905322808035",
        identityNumber: "12345677938",
        taxOffice: null,
        invoiceType: null,
        address: null,
      },
      shippingAddress: null,
      items: [
        {
          name: "Gold - Digital storage",
          quantity: 10,
          weightGrams: 1,
          unitPrice: 54.35,
          vatRate: 0,
          vat: 0,
          total: 543.5,
        },
      ],
      totals: { subtotal: 543.5, vat: 0, total: 543.5 },
      fees: [],
      paidTotal: null,
    });
  });

  it("without the optional fields (no customer, weight, spot price, currency fields) it still reads", () => {
    const view = invoiceSchema.parse(invoiceView(bareInvoice(), context));
    expect(view.buyer).toEqual({
      name: "",
      email: null,
      phone: null,
      identityNumber: null,
      taxOffice: null,
      invoiceType: null,
      address: null,
    });
    expect(view.items[0]).toMatchObject({ name: "Gold - Digital storage", weightGrams: null });
    expect(view.totals.total).toBe(543.5);
  });

  it("takes the date from what the shop knows of the order, never from thin air", () => {
    const view = invoiceView(documentedInvoice(), {
      ...context,
      orderedAt: "2026-06-25T12:12:46+03:00",
    });
    expect(view.orderedAt).toBe("2026-06-25T09:12:46.000Z");
  });

  it("names a buyer from first, middle and last name when there is no full name", () => {
    const v = documentedInvoice();
    const view = invoiceView(
      { ...v, customer: { firstname: "Mehmet", middlename: "", lastname: "Gülbilge" } },
      context,
    );
    expect(view.buyer.name).toBe("Mehmet Gülbilge");
  });

  it("a malformed answer (an item without its price) is refused by the schema", () => {
    const example = responseExamples("orderInvoice")[0];
    if (!example) throw new Error("no example");
    const data = structuredClone(exampleData(example)) as { items: Record<string, unknown>[] };
    delete data.items[0]?.price;
    expect(upstreamInvoiceSchema.safeParse(data).success).toBe(false);
  });
});
