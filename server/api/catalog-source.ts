import {
  currencySchema,
  metalSchema,
  productTypeSchema,
  type Metal,
  type ProductType,
} from "../../contract/common.ts";
import { getProductImage } from "../../contract/api/catalog.ts";
import { operationUrl } from "../../contract/api/operation.ts";
import { foldForSearch } from "../../contract/search.ts";
import type { Category, Product, StockState } from "../../contract/catalog.ts";
import { createSwrCache, type SwrCache } from "../cache/swr-cache.ts";
import type { AppDeps } from "../deps.ts";
import type { Lang } from "../problem.ts";
import { type UpstreamCategory, type UpstreamProduct } from "../../minted/schemas/catalog.ts";
import { UpstreamError } from "../upstream/types.ts";
import { inferredVatRate } from "../../contract/vat.ts";

/** Catalog answers are fresh for 30 s, then served stale for up to 5 min while one refresh runs. */
export const CATALOG_TTL_MS = 30_000;
export const CATALOG_STALE_MS = 5 * 60_000;
/** Minted's largest page; the whole catalog (≈ 27 products) fits in one. */
const PAGE_SIZE = 100;
const MAX_PAGES = 10;
/** At or below this many units a physical product shows "low stock". */
export const LOW_STOCK = 5;

/** A product as the shop sees it, with the upstream image URLs kept aside (never sent). */
export interface CatalogEntry {
  product: Product;
  imageUrls: readonly string[];
}

export interface CatalogSource {
  /** The whole catalog in Minted's order. */
  products(lang: Lang): Promise<readonly CatalogEntry[]>;
  /** One product, or null when Minted does not know the SKU. */
  product(sku: string, lang: Lang): Promise<CatalogEntry | null>;
  categories(lang: Lang): Promise<readonly Category[]>;
}

/** The category's kind: ours where given, else read from its slug or name (bar by default). */
function typeOf(category: UpstreamCategory): ProductType {
  const parsed = productTypeSchema.safeParse(category.type);
  if (parsed.success) return parsed.data;
  const words = `${category.slug ?? ""} ${category.name ?? ""}`.toLocaleLowerCase("tr");
  if (words.includes("digital") || words.includes("dijital")) return "digital";
  return words.includes("coin") || words.includes("sikke") || words.includes("para")
    ? "coin"
    : "bar";
}

function metalOf(value: string | null | undefined): Metal | null {
  const parsed = metalSchema.safeParse(value?.toLowerCase());
  return parsed.success ? parsed.data : null;
}

function slugOf(name: string): string {
  return (
    foldForSearch(name)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 64) || "category"
  );
}

function stockState(stock: number): StockState {
  if (stock <= 0) return "out";
  return stock <= LOW_STOCK ? "low" : "in_stock";
}

export function imagePath(sku: string, n: number): string {
  return operationUrl(getProductImage, { params: { sku, n } });
}

/**
 * A category as the shop shows it. Its metal decides the shop's filters, so a category whose metal
 * is unknown (`fallbackMetal` is the product's own) is not shown; a missing name, slug or id is
 * derived from what is there.
 */
export function categoryView(c: UpstreamCategory, fallbackMetal?: Metal): Category | null {
  const metal = metalOf(c.metal) ?? fallbackMetal;
  if (!metal) return null;
  const type = typeOf(c);
  const name = c.name?.trim() || `${metal} ${type}`;
  const slug = c.slug?.trim() || slugOf(name);
  return { id: c.id === null || c.id === undefined ? slug : String(c.id), name, slug, metal, type };
}

/**
 * Upstream Product → the shop's product; null for what the shop cannot sell: a metal it does not
 * know (neither the base currency nor the category names one) or a currency it does not take.
 */
export function productView(p: UpstreamProduct): CatalogEntry | null {
  const metal = metalOf(p.basecurrency.metal) ?? metalOf(p.category.metal);
  const category = metal ? categoryView(p.category, metal) : null;
  const currency = currencySchema.safeParse(p.currency_code.toUpperCase());
  if (!metal || !category || !currency.success) return null;
  const stock = Math.max(0, p.stock);
  return {
    product: {
      sku: p.sku,
      name: p.name,
      description: p.text ?? "",
      metal,
      type: category.type,
      weightGrams: p.basecurrency.weight ?? null,
      purity: p.basecurrency.purity ?? null,
      price: {
        amount: p.sale_price,
        listAmount: Math.max(p.list_price, p.sale_price),
        currency: currency.data,
      },
      vatRate: inferredVatRate(metal, p.basecurrency.purity ?? null),
      stock: {
        available: stock,
        state: category.type === "digital" ? (stock > 0 ? "in_stock" : "out") : stockState(stock),
      },
      images: p.product_images.map((_, i) => imagePath(p.sku, i + 1)),
      barcode: p.barcode,
      category,
    },
    imageUrls: p.product_images,
  };
}

function isNotFound(error: unknown): boolean {
  return error instanceof UpstreamError && error.details.status === 404;
}

/** Catalog reads through one in-process SWR cache per kind, keyed by language. */
export function createCatalogSource(deps: AppDeps): CatalogSource {
  const options = {
    ttlMs: CATALOG_TTL_MS,
    staleMs: CATALOG_STALE_MS,
    now: () => deps.now(),
    onRefreshError: (key: string, error: unknown) =>
      deps.logger.warn("catalog refresh failed", {
        key,
        err: error instanceof Error ? error.message : String(error),
      }),
  };
  const lists: SwrCache<readonly CatalogEntry[]> = createSwrCache(options);
  const singles: SwrCache<CatalogEntry | null> = createSwrCache({ ...options, maxEntries: 500 });
  const categoryLists: SwrCache<readonly Category[]> = createSwrCache(options);

  const loadProducts = async (lang: Lang) => {
    const page = (n: number) =>
      deps.upstream.call({
        op: "products",
        query: { page: n, total: PAGE_SIZE },
        lang,
      });
    const first = await page(1);
    const last = Math.min(first.last_page, MAX_PAGES);
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, last - 1) }, (_, i) => page(i + 2)),
    );
    const entries: CatalogEntry[] = [];
    for (const p of [first, ...rest].flatMap((x) => x.data)) {
      const entry = productView(p);
      if (entry) entries.push(entry);
      else deps.logger.warn("catalog product skipped", { sku: p.sku });
    }
    return entries;
  };

  const loadProduct = async (sku: string, lang: Lang) => {
    try {
      const p = await deps.upstream.call({
        op: "product",
        query: { sku },
        lang,
      });
      return p.sku === sku ? productView(p) : null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  };

  const loadCategories = async (lang: Lang) => {
    const list = await deps.upstream.call({
      op: "categories",
      lang,
    });
    return list.flatMap((c) => categoryView(c) ?? []);
  };

  return {
    products: (lang) => lists.get(lang, () => loadProducts(lang)),
    // A product page usually follows the list: serve it from the list when it is there.
    product: async (sku, lang) => {
      const all = await lists.get(lang, () => loadProducts(lang));
      const listed = all.find((e) => e.product.sku === sku);
      if (listed) return listed;
      return singles.get(`${lang}:${sku}`, () => loadProduct(sku, lang));
    },
    categories: (lang) => categoryLists.get(lang, () => loadCategories(lang)),
  };
}

const sources = new WeakMap<AppDeps, CatalogSource>();

/** The one catalog source (and cache) of an app: every route module shares it. */
export function catalogSourceFor(deps: AppDeps): CatalogSource {
  let source = sources.get(deps);
  if (!source) {
    source = createCatalogSource(deps);
    sources.set(deps, source);
  }
  return source;
}
