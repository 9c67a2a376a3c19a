import * as ops from "../../contract/api/catalog.ts";
import { type Product, type ProductSort } from "../../contract/catalog.ts";
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

/** Catalog, product, categories and product images; all served from the in-process cache. */
export function catalogRoutes(
  deps: AppDeps,
  catalog: CatalogSource = catalogSourceFor(deps),
): RouteSpec[] {
  const images = createImageProxy(deps, catalog);
  return [
    handle(ops.listProducts, {
      handler: async ({ c, query }) => {
        const all = await catalog.products(c.var.lang);
        const matching = all
          .map((e) => e.product)
          .filter(
            (p) =>
              (query.metal === undefined || p.metal === query.metal) &&
              (query.type === undefined || p.type === query.type) &&
              (query.category === undefined || p.category.slug === query.category),
          );
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
