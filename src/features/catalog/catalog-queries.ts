import { infiniteQueryOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import {
  metalSchema,
  productTypeSchema,
  type Metal,
  type ProductType,
} from "../../../contract/common";
import { getProduct, listProducts } from "../../../contract/api/catalog";
import {
  productListSchema,
  productSortSchema,
  type Product,
  type ProductList,
  type ProductSort,
} from "../../../contract/catalog";
import { SEARCH_MAX_LENGTH } from "../../../contract/search";
import { api } from "../../lib/api";
import { queryRoots } from "../../lib/query-keys";

export const catalogPageSize = 12;

/** What the catalog URL can say: `?q=külçe&metal=gold&type=bar&sort=price_asc&page=2`. */
export interface CatalogSearch {
  /** The customer's search words, trimmed (never blank). */
  q?: string;
  metal?: Metal;
  type?: ProductType;
  sort?: ProductSort;
  page: number;
}

/** Reads the catalog's search params; anything the contract does not allow is ignored. */
export function parseCatalogSearch(params: URLSearchParams): CatalogSearch {
  const metal = metalSchema.safeParse(params.get("metal"));
  const type = productTypeSchema.safeParse(params.get("type"));
  const sort = productSortSchema.safeParse(params.get("sort"));
  const page = Number(params.get("page") ?? "1");
  const q = (params.get("q") ?? "")
    .replace(/\p{Cc}/gu, "")
    .trim()
    .slice(0, SEARCH_MAX_LENGTH);
  return {
    ...(q ? { q } : {}),
    ...(metal.success ? { metal: metal.data } : {}),
    ...(type.success ? { type: type.data } : {}),
    ...(sort.success ? { sort: sort.data } : {}),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The search string for a catalog state (defaults left out, so URLs stay short). */
export function catalogSearchString(search: CatalogSearch): string {
  const params = new URLSearchParams();
  if (search.q) params.set("q", search.q);
  if (search.metal) params.set("metal", search.metal);
  if (search.type) params.set("type", search.type);
  if (search.sort) params.set("sort", search.sort);
  if (search.page > 1) params.set("page", String(search.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function fetchProducts(search: CatalogSearch, signal?: AbortSignal): Promise<ProductList> {
  const query = Object.fromEntries(new URLSearchParams(catalogSearchString(search)));
  return api(listProducts, { query: { ...query, pageSize: catalogPageSize }, signal });
}

export function fetchProduct(sku: string, signal?: AbortSignal): Promise<Product> {
  return api(getProduct, { params: { sku }, signal });
}

export const catalogKeys = {
  all: queryRoots.products,
  lists: () => [...catalogKeys.all, "list"] as const,
  list: (search: CatalogSearch) =>
    [
      ...catalogKeys.lists(),
      search.q ?? "",
      search.metal ?? "",
      search.type ?? "",
      search.sort ?? "",
      search.page,
    ] as const,
  /** The phone's growing list: pages from `search.page` on, appended by "load more". */
  pages: (search: CatalogSearch) => [...catalogKeys.list(search), "pages"] as const,
  detail: (sku: string) => [...catalogKeys.all, "detail", sku] as const,
};

export const productListQueryOptions = (search: CatalogSearch) =>
  queryOptions({
    queryKey: catalogKeys.list(search),
    queryFn: ({ signal }) => fetchProducts(search, signal),
  });

export const productPagesQueryOptions = (search: CatalogSearch) =>
  infiniteQueryOptions({
    queryKey: catalogKeys.pages(search),
    queryFn: ({ signal, pageParam }) => fetchProducts({ ...search, page: pageParam }, signal),
    initialPageParam: search.page,
    getNextPageParam: (last: ProductList) =>
      last.pageInfo.page < last.pageInfo.totalPages ? last.pageInfo.page + 1 : undefined,
  });

export const productQueryOptions = (sku: string) =>
  queryOptions({
    queryKey: catalogKeys.detail(sku),
    queryFn: ({ signal }) => fetchProduct(sku, signal),
  });

/** A product already in a cached catalog page (so a card opens its page without waiting). */
export function findCachedProduct(
  queryClient: QueryClient,
  sku: string,
): { product: Product; updatedAt: number } | undefined {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: catalogKeys.lists() })) {
    // A plain page, or the pages of the phone's growing list.
    const data = query.state.data as { pages?: unknown[] } | undefined;
    const lists = Array.isArray(data?.pages) ? data.pages : [data];
    const product = lists
      .flatMap((page) => {
        const list = productListSchema.safeParse(page);
        return list.success ? list.data.items : [];
      })
      .find((item) => item.sku === sku);
    if (product) return { product, updatedAt: query.state.dataUpdatedAt };
  }
  return undefined;
}
