import { inferredVatRate } from "../../contract/vat.ts";
import type { Metal, ProductType } from "./categories.ts";

export interface ProductDef {
  id: number;
  sku: string;
  barcode: string;
  name: { tr: string; en: string };
  text: { tr: string; en: string };
  metal: Metal;
  type: ProductType;
  categoryId: number;
  /** Gross weight in grams (1 for digital: priced per gram). */
  weight: number;
  /** Fineness in parts per thousand, e.g. 999.9 or 916. */
  purity: number;
  /** Dealer markup over the metal value, in percent. */
  markupRate: number;
  /** Minting / craftsmanship fee per unit in TRY ("Mint Ücreti"). */
  mintingFee: number;
  /** Walletable minting fee, percent of the item price. */
  walletMintingRate: number;
  stock: number;
  /** Promotional list price above the sale price, in percent (0: none). */
  listPremium: number;
  images: number;
}

/** EAN-13 with the Turkish GS1 prefix 869 and a valid check digit. */
function ean13(n: number): string {
  const body = `869${String(4_500_000 + n).padStart(9, "0")}`;
  const sum = Array.from(body, Number).reduce((s, d, i) => s + d * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

interface Row {
  sku: string;
  tr: string;
  en: string;
  metal: Metal;
  type: ProductType;
  categoryId: number;
  weight: number;
  purity: number;
  markupRate: number;
  mintingFee: number;
  walletMintingRate?: number;
  stock: number;
  listPremium?: number;
  textTr: string;
  textEn: string;
}

const goldBar = (grams: number, label: string, mintingFee: number, stock: number): Row => ({
  sku: `MNTGB${String(grams * 10).padStart(5, "0")}`,
  tr: `Minted ${label} Gr 999,9 Külçe Altın`,
  en: `Minted ${label} g 999.9 Gold Bar`,
  metal: "gold",
  type: "bar",
  categoryId: 11,
  weight: grams,
  purity: 999.9,
  markupRate: grams < 5 ? 2.5 : grams < 50 ? 1.5 : 1,
  mintingFee,
  walletMintingRate: grams >= 100 ? 2 : 5,
  stock,
  textTr: `${label} gram, 999,9 saflıkta, LBMA onaylı rafineriden, seri numaralı ve sertifikalı blister ambalajında külçe altın.`,
  textEn: `A ${label} g bar of 999.9 fine gold from an LBMA-accredited refinery, serial-numbered, in a certified blister pack.`,
});

const ROWS: Row[] = [
  goldBar(1, "1", 60, 180),
  goldBar(2.5, "2,5", 80, 120),
  goldBar(5, "5", 100, 90),
  goldBar(10, "10", 120, 75),
  goldBar(20, "20", 150, 40),
  goldBar(50, "50", 250, 25),
  goldBar(100, "100", 400, 12),
  goldBar(250, "250", 700, 4),
  goldBar(1000, "1000", 1500, 2),
  {
    sku: "MNTGC00175",
    tr: "Çeyrek Altın (22 Ayar)",
    en: "Quarter Gold Coin (22 ct)",
    metal: "gold",
    type: "coin",
    categoryId: 12,
    weight: 1.75,
    purity: 916,
    markupRate: 3,
    mintingFee: 120,
    stock: 150,
    listPremium: 1.5,
    textTr: "Darphane basımı, 1,75 gram, 22 ayar Cumhuriyet çeyrek altını.",
    textEn: "State-mint quarter coin, 1.75 g of 22-carat gold.",
  },
  {
    sku: "MNTGC00350",
    tr: "Yarım Altın (22 Ayar)",
    en: "Half Gold Coin (22 ct)",
    metal: "gold",
    type: "coin",
    categoryId: 12,
    weight: 3.5,
    purity: 916,
    markupRate: 3,
    mintingFee: 220,
    stock: 90,
    textTr: "Darphane basımı, 3,50 gram, 22 ayar Cumhuriyet yarım altını.",
    textEn: "State-mint half coin, 3.50 g of 22-carat gold.",
  },
  {
    sku: "MNTGC00700",
    tr: "Tam Altın (22 Ayar)",
    en: "Full Gold Coin (22 ct)",
    metal: "gold",
    type: "coin",
    categoryId: 12,
    weight: 7,
    purity: 916,
    markupRate: 3,
    mintingFee: 400,
    stock: 60,
    textTr: "Darphane basımı, 7,00 gram, 22 ayar Cumhuriyet tam altını.",
    textEn: "State-mint full coin, 7.00 g of 22-carat gold.",
  },
  {
    sku: "MNTGC00722",
    tr: "Ata Lira (22 Ayar)",
    en: "Ata Lira Gold Coin (22 ct)",
    metal: "gold",
    type: "coin",
    categoryId: 12,
    weight: 7.216,
    purity: 916,
    markupRate: 2.5,
    mintingFee: 420,
    stock: 45,
    textTr: "Atatürk portreli, 7,216 gram, 22 ayar Ata lira.",
    textEn: "Atatürk portrait lira coin, 7.216 g of 22-carat gold.",
  },
  {
    sku: "MNTGC01754",
    tr: "Gremse Altın (22 Ayar)",
    en: "Gremse Gold Coin (22 ct)",
    metal: "gold",
    type: "coin",
    categoryId: 12,
    weight: 17.54,
    purity: 916,
    markupRate: 2.5,
    mintingFee: 900,
    stock: 15,
    textTr: "İki buçukluk gremse, 17,54 gram, 22 ayar.",
    textEn: "Two-and-a-half gremse coin, 17.54 g of 22-carat gold.",
  },
  {
    sku: "MNTGC03608",
    tr: "Ata Beşli (22 Ayar)",
    en: "Ata Five-Lira Coin (22 ct)",
    metal: "gold",
    type: "coin",
    categoryId: 12,
    weight: 36.08,
    purity: 916,
    markupRate: 2.5,
    mintingFee: 1800,
    stock: 3,
    textTr: "Beş Ata lira değerinde, 36,08 gram, 22 ayar beşli.",
    textEn: "Five-lira Ata coin, 36.08 g of 22-carat gold.",
  },
  ...([50, 100, 250, 500, 1000] as const).map((grams): Row => ({
    sku: `MNTSB${String(grams).padStart(5, "0")}`,
    tr: `Minted ${grams === 1000 ? "1 Kg" : `${grams} Gr`} 999,0 Külçe Gümüş`,
    en: `Minted ${grams === 1000 ? "1 kg" : `${grams} g`} 999.0 Silver Bar`,
    metal: "silver",
    type: "bar",
    categoryId: 21,
    weight: grams,
    purity: 999,
    markupRate: 6,
    mintingFee: { 50: 90, 100: 120, 250: 200, 500: 320, 1000: 500 }[grams],
    stock: grams === 250 ? 0 : grams === 1000 ? 8 : 60,
    textTr: `${grams === 1000 ? "1 kilogram" : `${grams} gram`}, 999,0 saflıkta döküm gümüş külçe.`,
    textEn: `A ${grams === 1000 ? "1 kg" : `${grams} g`} cast bar of 999.0 fine silver.`,
  })),
  {
    sku: "MNTSC03110",
    tr: "Gümüş Ons Sikke 999",
    en: "Silver Ounce Coin 999",
    metal: "silver",
    type: "coin",
    categoryId: 22,
    weight: 31.1,
    purity: 999,
    markupRate: 8,
    mintingFee: 150,
    stock: 70,
    textTr: "Bir troy ons (31,1 gram), 999 saflıkta yatırımlık gümüş sikke.",
    textEn: "One troy ounce (31.1 g) investment coin of 999 fine silver.",
  },
  ...([5, 10, 20] as const).map((grams): Row => ({
    sku: `MNTPB${String(grams).padStart(5, "0")}`,
    tr: `Minted ${grams} Gr 999,5 Külçe Platin`,
    en: `Minted ${grams} g 999.5 Platinum Bar`,
    metal: "platinum",
    type: "bar",
    categoryId: 31,
    weight: grams,
    purity: 999.5,
    markupRate: 4,
    mintingFee: { 5: 150, 10: 200, 20: 300 }[grams],
    stock: { 5: 30, 10: 20, 20: 6 }[grams],
    textTr: `${grams} gram, 999,5 saflıkta, sertifikalı platin külçe.`,
    textEn: `A certified ${grams} g bar of 999.5 fine platinum.`,
  })),
];

const DIGITAL: ProductDef[] = [
  {
    id: 3000001,
    sku: "GAU",
    barcode: ean13(9001),
    name: { tr: "Altın - Dijital saklama", en: "Gold - Digital storage" },
    text: {
      tr: "Gram cinsinden, kasada saklanan 24 ayar dijital altın.",
      en: "24-carat gold held in the vault, by the gram.",
    },
    metal: "gold",
    type: "digital",
    categoryId: 91,
    weight: 1,
    purity: 999.9,
    markupRate: 0,
    mintingFee: 0,
    walletMintingRate: 0,
    stock: 1_000_000,
    listPremium: 0,
    images: 1,
  },
  {
    id: 3000002,
    sku: "GAG",
    barcode: ean13(9002),
    name: { tr: "Gümüş - Dijital saklama", en: "Silver - Digital storage" },
    text: {
      tr: "Gram cinsinden, kasada saklanan dijital gümüş.",
      en: "Silver held in the vault, by the gram.",
    },
    metal: "silver",
    type: "digital",
    categoryId: 92,
    weight: 1,
    purity: 999,
    markupRate: 0,
    mintingFee: 0,
    walletMintingRate: 0,
    stock: 10_000_000,
    listPremium: 0,
    images: 1,
  },
  {
    id: 3000090,
    sku: "GPT",
    barcode: ean13(9090),
    name: { tr: "Platin - Dijital saklama", en: "Platinum - Digital storage" },
    text: {
      tr: "Gram cinsinden, kasada saklanan dijital platin.",
      en: "Platinum held in the vault, by the gram.",
    },
    metal: "platinum",
    type: "digital",
    categoryId: 93,
    weight: 1,
    purity: 999.5,
    markupRate: 0,
    mintingFee: 0,
    walletMintingRate: 0,
    stock: 1_000_000,
    listPremium: 0,
    images: 1,
  },
];

/** The seeded catalog: 24 physical products and the three digital storage SKUs. */
export const PRODUCTS: readonly ProductDef[] = [
  ...ROWS.map((r, i): ProductDef => ({
    id: 3000065 + i,
    sku: r.sku,
    barcode: ean13(i + 1),
    name: { tr: r.tr, en: r.en },
    text: { tr: r.textTr, en: r.textEn },
    metal: r.metal,
    type: r.type,
    categoryId: r.categoryId,
    weight: r.weight,
    purity: r.purity,
    markupRate: r.markupRate,
    mintingFee: r.mintingFee,
    walletMintingRate: r.walletMintingRate ?? 5,
    stock: r.stock,
    listPremium: r.listPremium ?? 0,
    images: 3,
  })),
  ...DIGITAL,
];

export const PRODUCT_BY_SKU = new Map(PRODUCTS.map((p) => [p.sku, p]));
export const PRODUCT_BY_ID = new Map(PRODUCTS.map((p) => [p.id, p]));

/** Fine metal in grams: investment bars (≥ 995) are priced by gross weight, like gram gold. */
export function fineGrams(p: ProductDef): number {
  return p.purity >= 995 || p.metal !== "gold" ? p.weight : (p.weight * p.purity) / 1000;
}

/** The sandbox taxes a basket line by the shop's inferred rule (contract/vat.ts). */
export function vatRate(p: ProductDef): number {
  return inferredVatRate(p.metal, p.purity);
}
