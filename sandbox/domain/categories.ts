import type { SpotSymbol } from "./prices.ts";

/** The catalog's categories and the metal currencies its products are priced in. */

export type Metal = "gold" | "silver" | "platinum";
export type ProductType = "bar" | "coin" | "digital";

export interface Category {
  id: number;
  name: { tr: string; en: string };
  slug: string;
  metal: Metal;
  type: ProductType;
}

export const CATEGORIES: readonly Category[] = [
  {
    id: 11,
    name: { tr: "Külçe Altın", en: "Gold bars" },
    slug: "gold-bars",
    metal: "gold",
    type: "bar",
  },
  {
    id: 12,
    name: { tr: "Altın Sikke", en: "Gold coins" },
    slug: "gold-coins",
    metal: "gold",
    type: "coin",
  },
  {
    id: 21,
    name: { tr: "Külçe Gümüş", en: "Silver bars" },
    slug: "silver-bars",
    metal: "silver",
    type: "bar",
  },
  {
    id: 22,
    name: { tr: "Gümüş Sikke", en: "Silver coins" },
    slug: "silver-coins",
    metal: "silver",
    type: "coin",
  },
  {
    id: 31,
    name: { tr: "Külçe Platin", en: "Platinum bars" },
    slug: "platinum-bars",
    metal: "platinum",
    type: "bar",
  },
  {
    id: 91,
    name: { tr: "Dijital Altın", en: "Digital gold" },
    slug: "digital-gold",
    metal: "gold",
    type: "digital",
  },
  {
    id: 92,
    name: { tr: "Dijital Gümüş", en: "Digital silver" },
    slug: "digital-silver",
    metal: "silver",
    type: "digital",
  },
  {
    id: 93,
    name: { tr: "Dijital Platin", en: "Digital platinum" },
    slug: "digital-platinum",
    metal: "platinum",
    type: "digital",
  },
];

/** The metal currency ("item currency") a product is priced and held in. */
export interface ItemCurrency {
  id: number;
  code: SpotSymbol;
  name: { tr: string; en: string };
}

export const ITEM_CURRENCIES: Record<Metal, ItemCurrency> = {
  gold: { id: 1000004, code: "GAU", name: { tr: "Gram Altın", en: "Gram Gold" } },
  silver: { id: 1000005, code: "GAG", name: { tr: "Gram Gümüş", en: "Gram Silver" } },
  platinum: { id: 1000017, code: "GPT", name: { tr: "Gram Platin", en: "Gram Platinum" } },
};
