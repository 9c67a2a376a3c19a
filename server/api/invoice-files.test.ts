import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { fileLinkSchema } from "../../contract/files.ts";
import { invoiceSchema, receiptSchema } from "../../contract/orders.ts";
import { FILE_LINK_TTL_S } from "../file-links.ts";
import { renderInvoicePdf } from "../invoice-pdf.ts";
import { bareInvoice, documentedInvoice } from "./invoice-examples.ts";
import { invoiceView, SAMPLE_SELLER } from "./invoice-view.ts";
import { TEST_ORIGIN } from "../test-support.ts";
import { apiClient, paidOrder, useTestProxy } from "./api-test-client.ts";

const proxy = useTestProxy();

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return pages.join("\n");
}

describe("invoice", () => {
  it("Minted's items and VAT, plus the order's fees as the receipt names them, add up to what was paid", async () => {
    const api = await apiClient(proxy(), "DEMO-IND-001", "tr");
    const code = await paidOrder(api);
    const invoice = invoiceSchema.parse(
      (await api.call("GET", `/api/orders/${code}/invoice`)).json,
    );
    const receipt = receiptSchema.parse(
      (await api.call("GET", `/api/orders/${code}/receipt`)).json,
    );
    const cents = (n: number) => Math.round(n * 100);
    // The invoice lines are the products; the services stay the order's fees.
    expect(invoice.items.map((i) => i.name)).toEqual(receipt.items.map((i) => i.name));
    for (const item of invoice.items)
      expect(cents(item.unitPrice * item.quantity) + cents(item.vat)).toBe(cents(item.total));
    expect(cents(invoice.totals.subtotal) + cents(invoice.totals.vat)).toBe(
      cents(invoice.totals.total),
    );
    expect(invoice.fees.map((f) => f.label)).toEqual(expect.arrayContaining(["Sigorta"]));
    expect(invoice.fees).toEqual(receipt.fees);
    const charged = invoice.fees
      .filter((f) => !f.included)
      .reduce((s, f) => s + cents(f.amount), 0);
    expect(cents(invoice.totals.total) + charged).toBe(cents(receipt.paidAmount));
    expect(invoice.paidTotal).toBe(receipt.paidAmount);
  });
});

describe("invoice PDF", () => {
  it("links to a real A4 PDF with the order code, the buyer and the total in words", async () => {
    const api = await apiClient(proxy(), "DEMO-IND-001", "tr");
    const code = await paidOrder(api);

    const res = await api.call("GET", `/api/orders/${code}/invoice/pdf`);
    expect(res.status, res.text).toBe(200);
    const link = fileLinkSchema.parse(res.json);
    // PUBLIC_URL (https in production) names the host.
    expect(link.url.startsWith(`${TEST_ORIGIN}/api/files/invoices/`)).toBe(true);
    expect(link.filename).toBe(`fatura-${code}.pdf`);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeLessThanOrEqual(FILE_LINK_TTL_S * 1000);
    expect(link.url).not.toContain("DEMO-IND-001");

    // No cookie: the link alone is the credential.
    const file = await proxy().app.request(new URL(link.url).pathname);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toBe(
      `attachment; filename="fatura-${code}.pdf"`,
    );
    expect(file.headers.get("cache-control")).toContain("no-store");
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const text = await pdfText(bytes);
    expect(text).toContain(code);
    expect(text).toContain("Ayşe Yılmaz");
    // Named for what it is: no invoice number, no e-Archive title.
    expect(text).toContain("FATURA BİLGİLERİ");
    expect(text).toContain("e-Arşiv fatura yerine geçmez");
    expect(text).not.toContain("Fatura no");
    expect(text).toContain("Örnek satıcı bilgisi");
    expect(text).toContain("Sigorta");
    // Turkish capitals: "Teslimat adresi" → "TESLİMAT ADRESİ", not "TESLIMAT ADRESI".
    expect(text).toContain("TESLİMAT ADRESİ");
    expect(text).toContain("SİPARİŞİN DİĞER TUTARLARI");
    expect(text).toMatch(/Yalnız [a-zçğıöşü ]+ TL/);
  });

  it("refuses another customer's order, altered and expired links", async () => {
    const owner = await apiClient(proxy(), "DEMO-IND-001", "en");
    const code = await paidOrder(owner);
    const other = await apiClient(proxy(), "DEMO-CORP-001");
    expect((await other.call("GET", `/api/orders/${code}/invoice/pdf`)).status).toBe(404);

    const link = fileLinkSchema.parse(
      (await owner.call("GET", `/api/orders/${code}/invoice/pdf`)).json,
    );
    expect(link.filename).toBe(`invoice-${code}.pdf`);
    const path = new URL(link.url).pathname;
    const token = path.split("/")[4] ?? "";
    const altered = path.replace(token, `${token.slice(0, -4)}AAAA`);
    expect((await proxy().app.request(altered)).status).toBe(404);
    expect((await proxy().app.request(path.replace(/[^/]+\.pdf$/, "x.txt"))).status).toBe(400);

    const deps = proxy().deps;
    const now = deps.now;
    deps.now = () => now() + (FILE_LINK_TTL_S + 1) * 1000;
    try {
      expect((await proxy().app.request(path)).status).toBe(404);
    } finally {
      deps.now = now;
    }
  });
});

describe("invoice PDF from Minted's documented example", () => {
  const context = { seller: SAMPLE_SELLER, currency: "TRY" as const, order: null };

  it("builds from the example: the order code, the customer, the item and the total", async () => {
    const view = invoiceView(documentedInvoice(), { ...context, lang: "en" });
    const bytes = new Uint8Array(await renderInvoicePdf(view, "en"));
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const text = await pdfText(bytes);
    expect(text).toContain("INVOICE DETAILS");
    expect(text).toMatch(/not an official e-\s*Archive invoice/);
    expect(text).toContain("FE9HURU6");
    expect(text).toContain("Mehmet Gülbilge");
    expect(text).toContain("12345677938");
    expect(text).toContain("Gold - Digital storage");
    expect(text).toContain("Sample seller details");
    expect(text).not.toMatch(/Invoice no|Invoice date/);
  });

  it("builds without the optional fields", async () => {
    const view = invoiceView(bareInvoice(), { ...context, lang: "tr" });
    const text = await pdfText(new Uint8Array(await renderInvoicePdf(view, "tr")));
    expect(text).toContain("FE9HURU6");
    expect(text).toContain("Gold - Digital storage");
    expect(text).toMatch(/Yalnız [a-zçğıöşü ]+ TL/);
  });
});
