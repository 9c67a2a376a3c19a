import { z } from "zod";
import { paginatorSchema } from "./paginator.ts";

/** Catalog rows of the endpoint map (`products`, `product`, `categories`), as Minted sends them. */

export const upstreamCategorySchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  slug: z.string(),
  metal: z.string(),
  /** Inferred field (bar, coin, digital); absent in older answers. */
  type: z.string().optional(),
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
  basecurrency: z.looseObject({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    metal: z.string(),
    weight: z.number(),
    purity: z.number(),
  }),
  category: upstreamCategorySchema,
});
export type UpstreamProduct = z.output<typeof upstreamProductSchema>;

export const upstreamProductPageSchema = paginatorSchema(upstreamProductSchema);
export const upstreamCategoriesSchema = z.array(upstreamCategorySchema);
