import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { amountInWordsTr } from "../contract/amount-in-words.ts";
import type { Invoice } from "../contract/orders.ts";
import type { Lang } from "./problem.ts";

/**
 * The invoice details as an A4 PDF (pdfkit): seller and buyer blocks, the order code and date,
 * the item table with weight, unit price and VAT rate, Minted's totals, the total in words, and
 * the order's fees with what was paid. Titled "Fatura bilgileri" / "Invoice details" and saying
 * it is no e-Archive invoice: Minted gives no invoice number or ETTN (see `api/invoice-view.ts`).
 * Inter is embedded (subset) so that ç, ğ, ı, İ, ö, ş, ü print and the text can be searched.
 */

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve("@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf");
const FONT_BOLD = require.resolve("@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf");

const LABELS = {
  tr: {
    title: "FATURA BİLGİLERİ",
    notice: "Sipariş kaydından hazırlanmıştır; e-Arşiv fatura yerine geçmez.",
    seller: "Satıcı",
    sample: "Örnek satıcı bilgisi (deneme ortamı)",
    buyer: "Alıcı",
    shipping: "Teslimat adresi",
    date: "Sipariş tarihi",
    order: "Sipariş kodu",
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
    grandTotal: "Toplam (KDV dahil)",
    fees: "Siparişin diğer tutarları",
    included: "fiyata dahil",
    paid: "Ödenen toplam",
    currency: "Para birimi",
    email: "E-posta",
    phone: "Telefon",
    vatNote: "%0 KDV: 995 ve üzeri milyem yatırımlık altın KDV'den istisnadır (KDVK 17/4-g).",
  },
  en: {
    title: "INVOICE DETAILS",
    notice: "Prepared from the order record; not an official e-Archive invoice.",
    seller: "Seller",
    sample: "Sample seller details (sandbox)",
    buyer: "Buyer",
    shipping: "Delivery address",
    date: "Order date",
    order: "Order code",
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
    grandTotal: "Total (incl. VAT)",
    fees: "Other amounts of the order",
    included: "included in the price",
    paid: "Total paid",
    currency: "Currency",
    email: "E-mail",
    phone: "Phone",
    vatNote:
      "0% VAT: investment gold of fineness 995 and above is exempt from VAT (VAT Law 17/4-g).",
  },
} as const;

const MARGIN = 48;
const INK = "#111111";
const MUTED = "#555555";
const RULE = "#c8c8c8";

export function invoiceFilename(code: string, lang: Lang): string {
  const safe = code.replace(/[^A-Za-z0-9_-]/g, "");
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
  const seller = invoice.seller;

  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: {
      Title: `${l.title} · ${l.order} ${invoice.orderCode}`,
      Subject: l.notice,
      Author: seller.name,
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
    .text(seller.name, MARGIN, MARGIN, {
      width: width * 0.55,
    });
  doc.font("regular").fontSize(9).fillColor(MUTED);
  if (seller.address) doc.text(seller.address, { width: width * 0.55 });
  doc.text(
    [
      seller.taxOffice ? `${l.taxOffice}: ${seller.taxOffice}` : null,
      `${l.vkn}: ${seller.taxNumber}`,
    ]
      .filter(Boolean)
      .join(" · "),
    { width: width * 0.55 },
  );
  if (seller.sample)
    doc
      .font("bold")
      .fillColor(INK)
      .text(l.sample, { width: width * 0.55 });
  const sellerBottom = doc.y;

  const boxX = MARGIN + width * 0.6;
  const boxW = width * 0.4;
  doc.font("bold").fontSize(16).fillColor(INK).text(l.title, boxX, MARGIN, {
    width: boxW,
    align: "right",
  });
  doc.font("regular").fontSize(8).fillColor(MUTED).text(l.notice, { width: boxW, align: "right" });
  doc.moveDown(0.5);
  const meta: [string, string][] = [
    [l.order, invoice.orderCode],
    ...(invoice.orderedAt
      ? [[l.date, date.format(new Date(invoice.orderedAt))] satisfies [string, string]]
      : []),
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
  doc.font("bold").fontSize(9).fillColor(MUTED).text(l.buyer.toLocaleUpperCase(locale), MARGIN, y);
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
  const shipping = invoice.shippingAddress;
  if (shipping) {
    doc
      .moveDown(0.6)
      .font("bold")
      .fontSize(9)
      .fillColor(MUTED)
      .text(l.shipping.toLocaleUpperCase(locale));
    doc
      .font("regular")
      .fillColor(INK)
      .text(
        [
          shipping.fullName,
          [shipping.street, shipping.line].filter(Boolean).join(" "),
          [shipping.district, shipping.county].filter(Boolean).join(", "),
          [shipping.zipcode, shipping.city].filter(Boolean).join(" "),
        ]
          .filter(Boolean)
          .join("\n"),
        { width },
      );
  }
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
        item.name,
        number(item.quantity),
        item.weightGrams === null ? "–" : `${number(item.weightGrams)} g`,
        money.format(item.unitPrice),
        lang === "tr" ? `%${number(item.vatRate, 2)}` : `${number(item.vatRate, 2)}%`,
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
  y = doc.y + 12;

  // The order's fees, named as on the receipt, and what was paid.
  if (invoice.fees.length > 0 || invoice.paidTotal !== null) {
    doc
      .font("bold")
      .fontSize(9)
      .fillColor(MUTED)
      .text(l.fees.toLocaleUpperCase(locale), MARGIN, y, { width });
    y = doc.y + 4;
    const rows: [string, string, boolean][] = [
      ...invoice.fees.map((fee): [string, string, boolean] => [
        fee.label,
        fee.included ? `${money.format(fee.amount)} (${l.included})` : money.format(fee.amount),
        false,
      ]),
      ...(invoice.paidTotal === null
        ? []
        : [[l.paid, money.format(invoice.paidTotal), true] satisfies [string, string, boolean]]),
    ];
    for (const [label, value, strong] of rows) {
      doc
        .font(strong ? "bold" : "regular")
        .fontSize(9)
        .fillColor(INK);
      doc.text(label, MARGIN + width * 0.35, y, { width: width * 0.4, align: "right" });
      doc.text(value, MARGIN + width * 0.75, y, { width: width * 0.25, align: "right" });
      y = doc.y + 4;
    }
  }
  if (invoice.items.some((item) => item.vatRate === 0))
    doc
      .font("regular")
      .fontSize(8)
      .fillColor(MUTED)
      .text(l.vatNote, MARGIN, y + 6, { width });

  doc.end();
  return done;
}
