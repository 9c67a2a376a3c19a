/**
 * The two consumer-law documents of a basket (Legal Types / Partner Legal): the pre-information
 * form (Mesafeli Sözleşmeler Yönetmeliği md. 5) and the distance sales contract, filled with the
 * basket's items, prices, addresses and payment method. One document model is rendered both as
 * an HTML fragment and as the paragraphs of the PDF.
 */
import type { SandboxContext } from "../context.ts";
import { isPhysical, productOf } from "../domain/ecom-totals.ts";
import { ecomOrderJson } from "./ecom-order.ts";
import { t, type Lang } from "../http/http.ts";
import { fullName, type AddressSnapshot, type EcomBasket } from "../domain/state.ts";

export const LEGAL_TYPES = ["pre_information", "distance_sales"] as const;
export type LegalType = (typeof LEGAL_TYPES)[number];

const TITLES: Record<LegalType, { tr: string; en: string }> = {
  pre_information: { tr: "Ön Bilgilendirme Formu", en: "Pre-information form" },
  distance_sales: { tr: "Mesafeli Satış Sözleşmesi", en: "Distance sales contract" },
};

export function legalTitle(type: LegalType, lang: Lang): string {
  return TITLES[type][lang];
}

/** The seller as printed on the documents (sandbox values). */
export const SELLER = {
  name: "Minted Kıymetli Madenler A.Ş.",
  address: "Esentepe Mah. Büyükdere Cad. No: 199, 34394 Şişli / İstanbul",
  mersis: "0612345678900015",
  email: "destek@minted.example",
  phone: "+90 212 000 00 00",
};

export type Block =
  | { kind: "text"; text: string }
  | { kind: "facts"; rows: [string, string][] }
  | { kind: "items"; head: string[]; rows: string[][]; foot: [string, string][] };

export interface Section {
  heading: string;
  blocks: Block[];
}

export interface LegalDoc {
  type: LegalType;
  lang: Lang;
  title: string;
  meta: string;
  sections: Section[];
  closing: string;
}

const text = (s: string): Block => ({ kind: "text", text: s });

function money(lang: Lang, n: number): string {
  const figure = new Intl.NumberFormat(lang === "en" ? "en-GB" : "tr-TR", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(n);
  return lang === "en" ? `TRY ${figure}` : `${figure} TL`;
}

function when(lang: Lang, ms: number): string {
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "tr-TR", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Istanbul",
  }).format(ms);
}

function place(a: AddressSnapshot): string {
  const street = [a.district, a.street, a.address].filter(Boolean).join(" ");
  return `${street}, ${[a.zipcode, a.county].filter(Boolean).join(" ")} / ${a.city}`;
}

/** Everything the documents say, gathered from the basket once. */
function facts(ctx: SandboxContext, b: EcomBasket, lang: Lang) {
  const order = ecomOrderJson(ctx, b, lang);
  const customer = ctx.state.customers.get(b.customer);
  const party = b.billing ?? b.shipping;
  const corporate = b.billing?.invoice_type === "Corporate";
  return {
    order,
    buyer: {
      name:
        (corporate ? b.billing?.company_name : null) ??
        party?.fullname ??
        (customer ? fullName(customer) : "—"),
      address: party ? place(party) : "—",
      phone: party?.phone ?? customer?.phone ?? "—",
      email: party?.email ?? customer?.email ?? "—",
    },
    physical: [...b.items.keys()].some((sku) => isPhysical(productOf(sku))),
    digital: [...b.items.keys()].some((sku) => !isPhysical(productOf(sku))),
    shipping: b.shipping ? `${b.shipping.fullname}, ${place(b.shipping)}` : null,
    fixUntil: when(lang, b.fix.expiresAt),
    date: when(lang, ctx.clock.now()),
  };
}

type Facts = ReturnType<typeof facts>;

function sellerBlock(lang: Lang): Block {
  const l = (tr: string, en: string) => t(lang, tr, en);
  return {
    kind: "facts",
    rows: [
      [l("Unvan", "Name"), SELLER.name],
      [l("Adres", "Address"), SELLER.address],
      [l("MERSİS No", "MERSIS no."), SELLER.mersis],
      [l("E-posta", "E-mail"), SELLER.email],
      [l("Telefon", "Phone"), SELLER.phone],
    ],
  };
}

function buyerBlock(f: Facts, lang: Lang): Block {
  const l = (tr: string, en: string) => t(lang, tr, en);
  return {
    kind: "facts",
    rows: [
      [l("Ad soyad / unvan", "Name"), f.buyer.name],
      [l("Adres", "Address"), f.buyer.address],
      [l("Telefon", "Phone"), f.buyer.phone],
      [l("E-posta", "E-mail"), f.buyer.email],
    ],
  };
}

function itemsBlock(f: Facts, lang: Lang): Block {
  const l = (tr: string, en: string) => t(lang, tr, en);
  const m = (n: number) => money(lang, n);
  const o = f.order;
  const quantity = (sku: string, amount: number) =>
    isPhysical(productOf(sku))
      ? `${amount} ${l("adet", amount === 1 ? "pc" : "pcs")}`
      : `${new Intl.NumberFormat(lang === "en" ? "en-GB" : "tr-TR").format(amount)} g`;
  const foot: [string, string][] = [
    [l("Ara toplam (KDV hariç)", "Subtotal (excl. VAT)"), m(o.price)],
    [l("KDV", "VAT"), m(o.tax)],
    [l("Kargo", "Shipping"), m(o.delivery_price)],
    [l("Sigorta", "Insurance"), m(o.insurance_price)],
    [l("Pazar komisyonu", "Market commission"), m(o.market_commission)],
  ];
  if (o.payment_cost > 0) foot.push([l("Taksit farkı", "Instalment cost"), m(o.payment_cost)]);
  foot.push([l("Ödenecek toplam tutar (KDV dahil)", "Total payable (incl. VAT)"), m(o.paid_total)]);
  return {
    kind: "items",
    head: [
      l("Ürün", "Product"),
      l("Miktar", "Quantity"),
      l("Birim fiyat (KDV hariç)", "Unit price (excl. VAT)"),
      l("KDV oranı", "VAT rate"),
      l("KDV", "VAT"),
      l("Toplam", "Total"),
    ],
    rows: o.items.map((i) => [
      i.product_name,
      quantity(i.sku, i.amount),
      m(i.price),
      `%${i.tax_rate}`,
      m(i.tax),
      m(i.total),
    ]),
    foot,
  };
}

function pricingText(f: Facts, lang: Lang): Block {
  return text(
    t(
      lang,
      `Fiyatlar kıymetli maden piyasalarındaki anlık değerlere göre belirlenmiş olup ${f.fixUntil} saatine kadar sabitlenmiştir. Bu süre dolarsa sipariş güncel piyasa fiyatıyla yeniden fiyatlandırılır ve Alıcı yeni fiyatı onaylamadan ödeme alınmaz. 995/1000 ve üzeri saflıktaki yatırım amaçlı altın KDV'den istisnadır; diğer ürünlerde KDV fiyata eklenmiştir.`,
      `Prices follow the live precious-metal market and are fixed until ${f.fixUntil}. If that time passes, the order is re-priced at the current market price and no payment is taken before the Buyer accepts the new price. Investment gold of 995/1000 fineness or more is exempt from VAT; VAT is added to the price of other products.`,
    ),
  );
}

function paymentText(b: EcomBasket, lang: Lang): Block {
  const method =
    b.paymentType === "cash"
      ? t(
          lang,
          "Minted cüzdan (TL) bakiyesinden ödeme.",
          "Payment from the Minted wallet (TRY) balance.",
        )
      : b.paymentType === "creditcard"
        ? t(
            lang,
            `Kredi veya banka kartı, ${b.installment === 1 ? "tek çekim" : `${b.installment} taksit`}.`,
            `Credit or debit card, ${b.installment === 1 ? "single payment" : `${b.installment} instalments`}.`,
          )
        : t(
            lang,
            "Ödeme adımında seçilecektir: kredi/banka kartı veya Minted cüzdan bakiyesi.",
            "To be chosen at the payment step: credit/debit card or Minted wallet balance.",
          );
  return text(
    `${method} ${t(
      lang,
      "Kart bilgileri Satıcı'ya iletilmez; kartlı ödemeler bankanın 3-D Secure doğrulama sayfasında tamamlanır. Ödeme bankaca onaylanmadan sipariş kurulmuş sayılmaz.",
      "Card details are never passed to the Seller; card payments are completed on the bank's 3-D Secure page. The order is not placed until the bank approves the payment.",
    )}`,
  );
}

function deliveryText(f: Facts, lang: Lang): Block {
  const physical = f.shipping
    ? t(
        lang,
        `Fiziki ürünler sigortalı kargo ile şu adrese teslim edilir: ${f.shipping}. Teslim süresi, siparişin Satıcı'ya ulaşmasından itibaren en geç 30 gündür (Mesafeli Sözleşmeler Yönetmeliği md. 16); olağan süre 1-3 iş günüdür. Ürünler Alıcı'ya teslim edilene kadar oluşan kayıp ve hasardan Satıcı sorumludur. Alıcı, teslim anında paketin mühürlü ve hasarsız olduğunu kontrol etmeli, hasarlı paketi tutanak tutturarak teslim almamalıdır.`,
        `Physical products are sent by insured courier to: ${f.shipping}. Delivery takes at most 30 days from the order reaching the Seller (Distance Contracts Regulation art. 16), usually 1-3 business days. The Seller bears the risk of loss or damage until the products are delivered to the Buyer. The Buyer should check at delivery that the package is sealed and undamaged, and refuse a damaged package with a written report.`,
      )
    : t(lang, "Teslimat adresi henüz seçilmedi.", "No delivery address has been chosen yet.");
  const digital = t(
    lang,
    "Dijital saklama ürünleri, ödemenin onaylanmasıyla Alıcı'nın Minted hesabındaki kıymetli maden bakiyesine kaydedilerek teslim edilmiş sayılır.",
    "Digital storage products are delivered by crediting the Buyer's precious-metal balance in the Minted account once the payment is approved.",
  );
  return text([f.physical ? physical : "", f.digital ? digital : ""].filter(Boolean).join(" "));
}

function withdrawalText(lang: Lang): Block {
  return text(
    t(
      lang,
      "Mesafeli Sözleşmeler Yönetmeliği'nin 15. maddesinin birinci fıkrasının (a) bendi uyarınca, fiyatı finansal piyasalardaki dalgalanmalara bağlı olarak değişen ve satıcının kontrolünde olmayan mal veya hizmetlere ilişkin sözleşmelerde cayma hakkı kullanılamaz. Bu sözleşmenin konusu olan kıymetli maden ürünleri (külçe, sikke ve dijital saklama) bu kapsamdadır; bu nedenle Alıcı'nın cayma hakkı bulunmamaktadır. Alıcı'nın ayıplı mala ilişkin 6502 sayılı Kanun'un 11. maddesinden doğan seçimlik hakları saklıdır.",
      "Under article 15(1)(a) of the Distance Contracts Regulation, there is no right of withdrawal from contracts for goods or services whose price depends on fluctuations in the financial markets that the seller cannot control. The precious-metal products of this contract (bars, coins and digital storage) fall under this exception, so the Buyer has no right of withdrawal. The Buyer's rights for defective goods under article 11 of Law No. 6502 remain reserved.",
    ),
  );
}

function disputesText(lang: Lang): Block {
  return text(
    t(
      lang,
      "Alıcı, talep ve şikâyetlerini yukarıdaki iletişim bilgileri üzerinden Satıcı'ya iletebilir. Uyuşmazlıklarda, Ticaret Bakanlığınca her yıl ilan edilen parasal sınırlar içinde Alıcı'nın yerleşim yerindeki veya işlemin yapıldığı yerdeki tüketici hakem heyetleri, bu sınırların üzerindeki uyuşmazlıklarda tüketici mahkemeleri yetkilidir.",
      "The Buyer can send requests and complaints to the Seller using the contact details above. Disputes are decided, within the monetary limits announced every year by the Ministry of Trade, by the consumer arbitration committee of the Buyer's place of residence or of the place of the transaction, and above those limits by the consumer courts.",
    ),
  );
}

function privacyText(lang: Lang): Block {
  return text(
    t(
      lang,
      "Alıcı'nın kişisel verileri 6698 sayılı Kişisel Verilerin Korunması Kanunu uyarınca yalnızca siparişin ifası, faturalandırma ve yasal yükümlülüklerin yerine getirilmesi amacıyla işlenir ve bu amaçlar dışında üçüncü kişilerle paylaşılmaz.",
      "The Buyer's personal data is processed under Law No. 6698 on the Protection of Personal Data only to fulfil the order, to invoice it and to meet legal obligations, and is not shared with third parties for any other purpose.",
    ),
  );
}

function preInformation(f: Facts, b: EcomBasket, lang: Lang): Section[] {
  const l = (tr: string, en: string) => t(lang, tr, en);
  return [
    {
      heading: l("Amaç", "Purpose"),
      blocks: [
        text(
          l(
            "Bu form, 6502 sayılı Tüketicinin Korunması Hakkında Kanun ve Mesafeli Sözleşmeler Yönetmeliği'nin 5. maddesi uyarınca, mesafeli satış sözleşmesi kurulmadan önce Alıcı'yı bilgilendirmek amacıyla düzenlenmiştir.",
            "This form informs the Buyer before the distance sales contract is made, as required by Law No. 6502 on Consumer Protection and article 5 of the Distance Contracts Regulation.",
          ),
        ),
      ],
    },
    { heading: l("1. Satıcı bilgileri", "1. Seller"), blocks: [sellerBlock(lang)] },
    { heading: l("2. Alıcı bilgileri", "2. Buyer"), blocks: [buyerBlock(f, lang)] },
    {
      heading: l("3. Ürünler ve fiyatlar", "3. Products and prices"),
      blocks: [itemsBlock(f, lang), pricingText(f, lang)],
    },
    { heading: l("4. Ödeme", "4. Payment"), blocks: [paymentText(b, lang)] },
    { heading: l("5. Teslimat", "5. Delivery"), blocks: [deliveryText(f, lang)] },
    { heading: l("6. Cayma hakkı", "6. Right of withdrawal"), blocks: [withdrawalText(lang)] },
    {
      heading: l("7. Şikâyet ve uyuşmazlıklar", "7. Complaints and disputes"),
      blocks: [disputesText(lang)],
    },
    { heading: l("8. Kişisel veriler", "8. Personal data"), blocks: [privacyText(lang)] },
  ];
}

function distanceSales(f: Facts, b: EcomBasket, lang: Lang): Section[] {
  const l = (tr: string, en: string) => t(lang, tr, en);
  return [
    {
      heading: l("Madde 1 — Taraflar", "Article 1 — Parties"),
      blocks: [
        text(l("1.1 Satıcı:", "1.1 Seller:")),
        sellerBlock(lang),
        text(l("1.2 Alıcı:", "1.2 Buyer:")),
        buyerBlock(f, lang),
      ],
    },
    {
      heading: l("Madde 2 — Konu", "Article 2 — Subject"),
      blocks: [
        text(
          l(
            "Bu sözleşmenin konusu, Alıcı'nın Minted platformu üzerinden elektronik ortamda sipariş verdiği, aşağıda nitelikleri ve satış fiyatı belirtilen ürünlerin satışı ve teslimine ilişkin olarak, 6502 sayılı Tüketicinin Korunması Hakkında Kanun ve Mesafeli Sözleşmeler Yönetmeliği uyarınca tarafların hak ve yükümlülüklerinin belirlenmesidir.",
            "This contract sets out the rights and obligations of the parties, under Law No. 6502 on Consumer Protection and the Distance Contracts Regulation, for the sale and delivery of the products described below, which the Buyer ordered electronically on the Minted platform.",
          ),
        ),
      ],
    },
    {
      heading: l("Madde 3 — Ürünler, bedel ve ödeme", "Article 3 — Products, price and payment"),
      blocks: [itemsBlock(f, lang), pricingText(f, lang), paymentText(b, lang)],
    },
    { heading: l("Madde 4 — Teslimat", "Article 4 — Delivery"), blocks: [deliveryText(f, lang)] },
    {
      heading: l("Madde 5 — Cayma hakkı", "Article 5 — Right of withdrawal"),
      blocks: [withdrawalText(lang)],
    },
    {
      heading: l("Madde 6 — Genel hükümler", "Article 6 — General terms"),
      blocks: [
        text(
          l(
            "6.1 Alıcı, ürünlerin temel nitelikleri, satış fiyatı, ödeme şekli ve teslimata ilişkin ön bilgileri okuduğunu, bilgi sahibi olduğunu ve elektronik ortamda gerekli teyidi verdiğini kabul eder.",
            "6.1 The Buyer confirms having read and understood the preliminary information on the main characteristics of the products, the sale price, the payment method and delivery, and having confirmed it electronically.",
          ),
        ),
        text(
          l(
            "6.2 Satıcı, ürünleri sipariş edilen nitelikte, sağlam, eksiksiz ve varsa sertifikasıyla birlikte teslim eder. Ayıplı mal hâlinde Alıcı'nın kanuni hakları saklıdır.",
            "6.2 The Seller delivers the products as ordered, intact, complete and with their certificate where there is one. The Buyer's statutory rights for defective goods remain reserved.",
          ),
        ),
        text(
          l(
            "6.3 Satıcı, stokun tükenmesi gibi nedenlerle ürünü teslim edemeyeceğini anlarsa bunu gecikmeksizin Alıcı'ya bildirir ve tahsil ettiği bedeli mevzuatta öngörülen süre içinde, en geç 14 gün içinde iade eder.",
            "6.3 If the Seller finds that it cannot deliver a product, for instance because it is out of stock, it tells the Buyer without delay and refunds the amount paid within the statutory period, at the latest within 14 days.",
          ),
        ),
      ],
    },
    {
      heading: l("Madde 7 — Uyuşmazlıkların çözümü", "Article 7 — Disputes"),
      blocks: [disputesText(lang)],
    },
    {
      heading: l("Madde 8 — Kişisel veriler", "Article 8 — Personal data"),
      blocks: [privacyText(lang)],
    },
    {
      heading: l("Madde 9 — Yürürlük", "Article 9 — Entry into force"),
      blocks: [
        text(
          l(
            "Bu sözleşme, Alıcı'nın elektronik ortamda onay vermesiyle yürürlüğe girer. Sözleşmenin bir örneği Alıcı'nın e-posta adresine gönderilir ve Satıcı tarafından yasal süre boyunca saklanır.",
            "This contract enters into force when the Buyer accepts it electronically. A copy is sent to the Buyer's e-mail address and kept by the Seller for the statutory period.",
          ),
        ),
      ],
    },
  ];
}

export function legalDoc(
  ctx: SandboxContext,
  b: EcomBasket,
  type: LegalType,
  lang: Lang,
): LegalDoc {
  const f = facts(ctx, b, lang);
  const l = (tr: string, en: string) => t(lang, tr, en);
  return {
    type,
    lang,
    title: legalTitle(type, lang),
    meta: `${l("Sürüm", "Version")} ${ctx.config.legalVersion} · ${l("Sipariş", "Order")} ${b.increment_id} · ${f.date}`,
    sections: type === "pre_information" ? preInformation(f, b, lang) : distanceSales(f, b, lang),
    closing: l(
      `Alıcı, bu belgeyi ${f.date} tarihinde elektronik ortamda okuduğunu ve kabul ettiğini beyan eder.`,
      `The Buyer states having read and accepted this document electronically on ${f.date}.`,
    ),
  };
}
