import { exampleData, responseExamples } from "../../minted/examples.ts";
import { upstreamInvoiceSchema, type UpstreamInvoice } from "../../minted/schemas/invoice.ts";

/** Test support: Minted's documented invoice example, whole and stripped to what is required. */

/** Minted's documented Get Order Invoice example (api-38613148), parsed as the client would. */
export function documentedInvoice(): UpstreamInvoice {
  const [example] = responseExamples("orderInvoice");
  if (!example) throw new Error("no documented orderInvoice example");
  return upstreamInvoiceSchema.parse(exampleData(example));
}

/** The example with every field the schema leaves optional taken out, the customer included. */
export function bareInvoice(): UpstreamInvoice {
  const v = documentedInvoice();
  return upstreamInvoiceSchema.parse({
    guid: v.guid,
    order_code: v.order_code,
    price: v.price,
    tax: v.tax,
    total: v.total,
    items: v.items.map((i) => ({
      product_name: i.product_name,
      price: i.price,
      tax_rate: i.tax_rate,
      tax: i.tax,
      amount: i.amount,
      total: i.total,
    })),
  });
}
