import { z } from "zod/mini";
import {
  currencySchema,
  metalSchema,
  pageInfoSchema,
  pageQuerySchema,
  pageSizeQuerySchema,
  productTypeSchema,
} from "./common.ts";
import { SEARCH_MAX_LENGTH } from "./search.ts";

/** Catalog API: products, one product, categories, product images. */

export const skuSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));

export const categorySchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  metal: metalSchema,
  type: productTypeSchema,
});
export type Category = z.infer<typeof categorySchema>;

export const stockStateSchema = z.enum(["in_stock", "low", "out"]);
export type StockState = z.infer<typeof stockStateSchema>;

export const productSchema = z.object({
  sku: z.string(),
  name: z.string(),
  description: z.string(),
  metal: metalSchema,
  type: productTypeSchema,
  /** Grams of metal; null when Minted's answer does not say. */
  weightGrams: z.nullable(z.number()),
  /** Fineness in parts per thousand (999.9, 916 …); null when Minted's answer does not say. */
  purity: z.nullable(z.number()),
  /** Unit price now (VAT excluded); `listAmount` is the "was" price (equal when not on sale). */
  price: z.object({ amount: z.number(), listAmount: z.number(), currency: currencySchema }),
  /**
   * VAT in percent on this product (contract/vat.ts: inferred — Minted's Product has no tax
   * rate; a basket line's own `vatRate` is the truth once the product is in a basket).
   */
  vatRate: z.number(),
  stock: z.object({ available: z.number(), state: stockStateSchema }),
  /** Same-origin image paths (`/api/images/{sku}/{n}`). */
  images: z.array(z.string()),
  barcode: z.nullable(z.string()),
  category: categorySchema,
});
export type Product = z.infer<typeof productSchema>;

export const productSortSchema = z.enum(["price_asc", "price_desc", "weight_asc", "weight_desc"]);
export type ProductSort = z.infer<typeof productSortSchema>;

export const productListQuerySchema = z.object({
  /** Words of a product's name, matched Turkish-aware (contract/search.ts); blank means all. */
  q: z.optional(z.string().check(z.maxLength(SEARCH_MAX_LENGTH), z.regex(/^[^\p{Cc}]*$/u))),
  metal: z.optional(metalSchema),
  type: z.optional(productTypeSchema),
  category: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/))),
  sort: z.optional(productSortSchema),
  page: pageQuerySchema,
  pageSize: pageSizeQuerySchema(100),
});
export type ProductListQuery = z.infer<typeof productListQuerySchema>;

/**
 * How many products each filter chip would show: every filter of the request applies except the
 * chip's own (so "Gold 12" opens 12 products), the search included.
 */
export const productFacetsSchema = z.object({
  metal: z.record(metalSchema, z.number()),
  type: z.record(productTypeSchema, z.number()),
});
export type ProductFacets = z.infer<typeof productFacetsSchema>;

export const productListSchema = z.object({
  items: z.array(productSchema),
  pageInfo: pageInfoSchema,
  facets: productFacetsSchema,
});
export type ProductList = z.infer<typeof productListSchema>;

export const productParamsSchema = z.object({ sku: skuSchema });

export const categoryListSchema = z.object({ items: z.array(categorySchema) });
export type CategoryList = z.infer<typeof categoryListSchema>;

export const imageParamsSchema = z.object({
  sku: skuSchema,
  n: z.coerce.number().check(z.int(), z.gte(1), z.lte(20)),
});
