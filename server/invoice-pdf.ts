import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { amountInWordsTr } from "../contract/amount-in-words.ts";
import type { Invoice } from "../contract/orders.ts";
import type { Lang } from "./problem.ts";

/**
 * The invoice as an A4 PDF (pdfkit), laid out like a Turkish e-Archive invoice: seller and
 * buyer blocks, number and date, the item table with weight, unit price and VAT rate, totals
 * and the total in words. Inter is embedded (subset) so that ç, ğ, ı, İ, ö, ş, ü print and the
 * text can be searched and copied.
 */

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve("@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf");
const FONT_BOLD = require.resolve("@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf");

const LABELS = {
  tr: {
    title: "FATURA",
    eArchive: "e-Arşiv Fatura",
    seller: "Satıcı",
    buyer: "Alıcı",
    number: "Fatura no",
    date: "Fatura tarihi",
    order: "Sipariş kodu",
    kind: "İşlem",
    type: { buy: "Satış", sell: "Alış", delivery: "Teslimat" },
    taxOffice: "Vergi dairesi",
    vkn: "VKN",
    tckn: "TCKN",
    product: "Ürün",
    quantity: "Miktar",
    weight: "Ağırlık",
    unitPrice: "Birim fiyat",
    vatRate: "KDV %",
    vat: "KDV",
    total: "Tutar",
    subtotal: "Ara toplam (KDV hariç)",
    vatTotal: "Toplam KDV",
    grandTotal: "Genel toplam",
    currency: "Para birimi",
    email: "E-posta",
    phone: "Telefon",
    vatNote: "995 ve üzeri milyem yatırımlık altın KDV'den istisnadır (KDVK 17/4-g).",
  },
  en: {
    title: "INVOICE",
    eArchive: "e-Archive invoice",
    seller: "Seller",
    buyer: "Buyer",
    number: "Invoice no.",
    date: "Invoice date",
    order: "Order code",
    kind: "Transaction",
    type: { buy: "Sale", sell: "Purchase", delivery: "Delivery" },
    taxOffice: "Tax office",
    vkn: "Tax no. (VKN)",
    tckn: "Identity no. (TCKN)",
    product: "Product",
    quantity: "Qty",
    weight: "Weight",
    unitPrice: "Unit price",
    vatRate: "VAT %",
    vat: "VAT",
    total: "Amount",
    subtotal: "Subtotal (excl. VAT)",
    vatTotal: "Total VAT",
    grandTotal: "Grand total",
    currency: "Currency",
    email: "E-mail",
    phone: "Phone",
    vatNote: "Investment gold of fineness 995 and above is exempt from VAT (VAT Law 17/4-g).",
  },
} as const;

const MARGIN = 48;
const INK = "#111111";
const MUTED = "#555555";
const RULE = "#c8c8c8";

export function invoiceFilename(invoice: Pick<Invoice, "orderCode">, lang: Lang): string {
  const safe = invoice.orderCode.replace(/[^A-Za-z0-9_-]/g, "");
  return `${lang === "tr" ? "fatura" : "invoice"}-${safe}.pdf`;
}

export function renderInvoicePdf(invoice: Invoice, lang: Lang): Promise<Buffer> {
  const l = LABELS[lang];
  const locale = lang === "tr" ? "tr-TR" : "en-GB";
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: invoice.currency,
    minimumFractionDigits: 2,
  });
  const number = (value: number, digits = 3) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Istanbul" });

  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: {
      Title: `${l.title} ${invoice.invoiceNumber}`,
      Subject: `${l.order} ${invoice.orderCode}`,
      Author: invoice.seller.name,
    },
    lang: lang === "tr" ? "tr-TR" : "en-GB",
  });
  doc.registerFont("regular", FONT_REGULAR);
  doc.registerFont("bold", FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const right = doc.page.width - MARGIN;

  // Header: seller on the left, the document's identity on the right.
  doc
    .font("bold")
    .fontSize(14)
    .fillColor(INK)
    .text(invoice.seller.name, MARGIN, MARGIN, {
      width: width * 0.55,
    });
  doc.font("regular").fontSize(9).fillColor(MUTED);
  if (invoice.seller.address) doc.text(invoice.seller.address, { width: width * 0.55 });
  doc.text(
    [
      invoice.seller.taxOffice ? `${l.taxOffice}: ${invoice.seller.taxOffice}` : null,
      `${l.vkn}: ${invoice.seller.taxNumber}`,
    ]
      .filter(Boolean)
      .join(" · "),
    { width: width * 0.55 },
  );
  const sellerBottom = doc.y;

  const boxX = MARGIN + width * 0.6;
  const boxW = width * 0.4;
  doc.font("bold").fontSize(20).fillColor(INK).text(l.title, boxX, MARGIN, {
    width: boxW,
    align: "right",
  });
  doc
    .font("regular")
    .fontSize(9)
    .fillColor(MUTED)
    .text(l.eArchive, { width: boxW, align: "right" });
  doc.moveDown(0.5);
  const meta: [string, string][] = [
    [l.number, invoice.invoiceNumber],
    [l.date, date.format(new Date(`${invoice.invoiceDate}T12:00:00Z`))],
    [l.order, invoice.orderCode],
    [l.kind, l.type[invoice.type]],
    [l.currency, invoice.currency],
  ];
  for (const [label, value] of meta) {
    const y = doc.y;
    doc
      .font("regular")
      .fontSize(9)
      .fillColor(MUTED)
      .text(label, boxX, y, { width: boxW / 2 });
    doc
      .font("bold")
      .fillColor(INK)
      .text(value, boxX + boxW / 2, y, {
        width: boxW / 2,
        align: "right",
      });
  }
  let y = Math.max(sellerBottom, doc.y) + 18;
  doc.moveTo(MARGIN, y).lineTo(right, y).strokeColor(RULE).lineWidth(1).stroke();
  y += 12;

  // Buyer.
  const b = invoice.buyer;
  doc.font("bold").fontSize(9).fillColor(MUTED).text(l.buyer.toUpperCase(), MARGIN, y);
  doc.font("bold").fontSize(11).fillColor(INK).text(b.name, { width });
  doc.font("regular").fontSize(9).fillColor(INK);
  const address = b.address;
  if (address)
    doc.text(
      [
        [address.street, address.line].filter(Boolean).join(" "),
        [address.district, address.county].filter(Boolean).join(", "),
        [address.zipcode, address.city].filter(Boolean).join(" "),
      ]
        .filter(Boolean)
        .join("\n"),
      { width },
    );
  const identity = [
    b.taxOffice ? `${l.taxOffice}: ${b.taxOffice}` : null,
    b.identityNumber
      ? `${b.invoiceType === "corporate" ? l.vkn : l.tckn}: ${b.identityNumber}`
      : null,
    b.email ? `${l.email}: ${b.email}` : null,
    b.phone ? `${l.phone}: ${b.phone}` : null,
  ].filter((part): part is string => part !== null);
  if (identity.length > 0) doc.fillColor(MUTED).text(identity.join(" · "), { width });
  y = doc.y + 16;

  // Items.
  const columns = [
    { label: l.product, width: 0.34, align: "left" as const },
    { label: l.quantity, width: 0.08, align: "right" as const },
    { label: l.weight, width: 0.1, align: "right" as const },
    { label: l.unitPrice, width: 0.15, align: "right" as const },
    { label: l.vatRate, width: 0.08, align: "right" as const },
    { label: l.vat, width: 0.1, align: "right" as const },
    { label: l.total, width: 0.15, align: "right" as const },
  ];
  const row = (cells: string[], font: "regular" | "bold", top: number): number => {
    let x = MARGIN;
    let bottom = top;
    cells.forEach((cell, i) => {
      const column = columns[i];
      if (!column) return;
      const w = column.width * width;
      doc.font(font).fontSize(8.5).fillColor(INK);
      doc.text(cell, x + 3, top, { width: w - 6, align: column.align });
      bottom = Math.max(bottom, doc.y);
      x += w;
    });
    return bottom;
  };
  doc
    .rect(MARGIN, y - 4, width, 20)
    .fillColor("#f0f0f0")
    .fill();
  y = row(
    columns.map((c) => c.label),
    "bold",
    y,
  );
  y += 8;
  for (const item of invoice.items) {
    if (y > doc.page.height - 200) {
      doc.addPage();
      y = MARGIN;
    }
    const bottom = row(
      [
        `${item.name}\n${item.sku}${item.purity ? ` · ${number(item.purity, 1)}` : ""}`,
        number(item.quantity),
        item.weightGrams === null ? "–" : `${number(item.weightGrams)} g`,
        money.format(item.unitPrice),
        `%${number(item.vatRate, 2)}`,
        money.format(item.vat),
        money.format(item.total),
      ],
      "regular",
      y,
    );
    y = bottom + 6;
    doc
      .moveTo(MARGIN, y - 3)
      .lineTo(right, y - 3)
      .strokeColor(RULE)
      .lineWidth(0.5)
      .stroke();
  }

  // Totals.
  y += 8;
  const totals: [string, number, boolean][] = [
    [l.subtotal, invoice.totals.subtotal, false],
    [l.vatTotal, invoice.totals.vat, false],
    [l.grandTotal, invoice.totals.total, true],
  ];
  for (const [label, value, strong] of totals) {
    doc
      .font(strong ? "bold" : "regular")
      .fontSize(strong ? 11 : 9)
      .fillColor(INK);
    doc.text(label, MARGIN + width * 0.45, y, { width: width * 0.3, align: "right" });
    doc.text(money.format(value), MARGIN + width * 0.75, y, {
      width: width * 0.25,
      align: "right",
    });
    y = doc.y + 4;
  }
  y += 8;
  doc
    .font("bold")
    .fontSize(9)
    .fillColor(INK)
    .text(amountInWordsTr(invoice.totals.total, invoice.currency), MARGIN, y, { width });
  if (invoice.items.some((item) => item.vatRate === 0 && (item.purity ?? 0) >= 995))
    doc.moveDown(0.5).font("regular").fontSize(8).fillColor(MUTED).text(l.vatNote, { width });

  doc.end();
  return done;
}
