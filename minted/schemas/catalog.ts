import { z } from "zod";
import { paginatorSchema } from "./paginator.ts";

/**
 * Catalog operations (`products`, `product`, `categories`), as Minted documents them. The Product
 * and its 12 fields are documented as required (api-8910364); the inner fields of `basecurrency`
 * and `category` were never published, so every one of them is optional here and the proxy copes
 * when one is missing (`server/api/catalog-source.ts`).
 */

const id = z.union([z.number(), z.string()]);
const text = z.string().nullish();

/** Category (inferred: "Categories GET" and the Category schema page were not captured). */
export const upstreamCategorySchema = z.looseObject({
  id: id.nullish(),
  name: text,
  slug: text,
  metal: text,
  /** Ours by inference (bar, coin, digital). */
  type: text,
});
export type UpstreamCategory = z.output<typeof upstreamCategorySchema>;

/** The documented Product (12 fields, all required). */
export const upstreamProductSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  text: z.string().nullable(),
  barcode: z.string().nullable(),
  sku: z.string().min(1),
  stock: z.number(),
  currency_code: z.string(),
  list_price: z.number(),
  sale_price: z.number(),
  product_images: z.array(z.string()),
  /** Base Product Currency: the metal, the grams and the fineness (fields not published). */
  basecurrency: z.looseObject({
    id: id.nullish(),
    code: text,
    name: text,
    metal: text,
    weight: z.number().nullish(),
    purity: z.number().nullish(),
  }),
  category: upstreamCategorySchema,
});
export type UpstreamProduct = z.output<typeof upstreamProductSchema>;

export const upstreamProductPageSchema = paginatorSchema(upstreamProductSchema);
export const upstreamCategoriesSchema = z.array(upstreamCategorySchema);
