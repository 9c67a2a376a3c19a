import * as ops from "../../contract/api/catalog.ts";
import {
  type Product,
  type ProductFacets,
  type ProductListQuery,
  type ProductSort,
} from "../../contract/catalog.ts";
import { metalSchema, productTypeSchema } from "../../contract/common.ts";
import { matchesSearch, searchWords } from "../../contract/search.ts";
import type { AppDeps } from "../deps.ts";
import { ApiError } from "../problem.ts";
import { catalogSourceFor, type CatalogSource } from "./catalog-source.ts";
import { createImageProxy, imageResponse } from "./images.ts";
import { handle, type RouteSpec } from "./registry.ts";

const DEFAULT_PAGE_SIZE = 24;

/** By weight, a product whose weight Minted did not give comes last either way. */
const byWeight =
  (direction: 1 | -1) =>
  (a: Product, b: Product): number =>
    a.weightGrams === null || b.weightGrams === null
      ? Number(a.weightGrams === null) - Number(b.weightGrams === null)
      : direction * (a.weightGrams - b.weightGrams);

const SORTS: Record<ProductSort, (a: Product, b: Product) => number> = {
  price_asc: (a, b) => a.price.amount - b.price.amount,
  price_desc: (a, b) => b.price.amount - a.price.amount,
  weight_asc: byWeight(1),
  weight_desc: byWeight(-1),
};

type Filter = "metal" | "type";

/** The request's filters, each but `except` (a chip's count ignores the chip's own filter). */
function matcher(query: ProductListQuery, except?: Filter): (p: Product) => boolean {
  const words = searchWords(query.q);
  return (p) =>
    (except === "metal" || query.metal === undefined || p.metal === query.metal) &&
    (except === "type" || query.type === undefined || p.type === query.type) &&
    (query.category === undefined || p.category.slug === query.category) &&
    matchesSearch(p.name, words);
}

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const value of values) counts[value] += 1;
  return counts;
}

function facetsOf(products: readonly Product[], query: ProductListQuery): ProductFacets {
  const byMetal = matcher(query, "metal");
  const byType = matcher(query, "type");
  return {
    metal: countBy(
      metalSchema.options,
      products.filter(byMetal).map((p) => p.metal),
    ),
    type: countBy(
      productTypeSchema.options,
      products.filter(byType).map((p) => p.type),
    ),
  };
}

/** Catalog, product, categories and product images; all served from the in-process cache. */
export function catalogRoutes(
  deps: AppDeps,
  catalog: CatalogSource = catalogSourceFor(deps),
): RouteSpec[] {
  const images = createImageProxy(deps, catalog);
  return [
    handle(ops.listProducts, {
      handler: async ({ c, query }) => {
        const all = (await catalog.products(c.var.lang)).map((e) => e.product);
        const matching = all.filter(matcher(query));
        // Array.prototype.sort is stable: ties keep Minted's order.
        if (query.sort) matching.sort(SORTS[query.sort]);
        const page = query.page ?? 1;
        const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
        const start = (page - 1) * pageSize;
        return {
          items: matching.slice(start, start + pageSize),
          pageInfo: {
            page,
            pageSize,
            total: matching.length,
            totalPages: Math.ceil(matching.length / pageSize),
          },
          facets: facetsOf(all, query),
        };
      },
    }),
    handle(ops.getProduct, {
      handler: async ({ c, params }) => {
        const entry = await catalog.product(params.sku, c.var.lang);
        if (!entry) throw new ApiError("not_found");
        return entry.product;
      },
    }),
    handle(ops.listCategories, {
      handler: async ({ c }) => ({
        items: [...(await catalog.categories(c.var.lang))],
      }),
    }),
    handle(ops.getProductImage, {
      handler: async ({ c, params }) =>
        imageResponse(await images.get(params.sku, params.n, c.var.lang)),
    }),
  ];
}
