import { createSwrCache } from "../cache/swr-cache.ts";
import type { AppDeps } from "../deps.ts";
import { ApiError, type Lang } from "../problem.ts";
import type { CatalogSource } from "./catalog-source.ts";

/**
 * Product images served through the proxy, so that no upstream URL reaches the browser. The URL
 * comes from the catalog (never from the request), must point at the Minted API's origin or an
 * allow-listed CDN origin, and only raster images and SVG are passed on.
 */

const TYPES = new Set(["image/svg+xml", "image/png", "image/jpeg", "image/webp"]);
const MAX_BYTES = 2 * 1024 * 1024;
const DAY_MS = 86_400_000;

export interface ProxiedImage {
  type: string;
  body: Uint8Array<ArrayBuffer>;
}

/** MINTED_API_URL's origin and the CDN origins of MINTED_IMAGE_ORIGINS. */
export function allowedImageOrigins(
  apiUrl: string,
  cdnOrigins: readonly string[] = [],
): Set<string> {
  return new Set([new URL(apiUrl).origin, ...cdnOrigins]);
}

/** The upstream URL if it is http(s) on an allowed origin, else null. */
export function checkedImageUrl(raw: string, allowed: ReadonlySet<string>): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password) return null;
  return allowed.has(url.origin) ? url : null;
}

export interface ImageProxy {
  /** `lang` only picks the (warm) catalog cache to read the URL from. */
  get(sku: string, n: number, lang?: Lang): Promise<ProxiedImage>;
}

export function createImageProxy(
  deps: Pick<AppDeps, "env" | "logger" | "now">,
  catalog: CatalogSource,
  fetchImpl: typeof fetch = fetch,
): ImageProxy {
  const allowed = allowedImageOrigins(deps.env.MINTED_API_URL, deps.env.MINTED_IMAGE_ORIGINS);
  const cache = createSwrCache<ProxiedImage>({
    ttlMs: DAY_MS,
    staleMs: 0,
    maxEntries: 300,
    now: () => deps.now(),
  });

  const load = async (url: URL): Promise<ProxiedImage> => {
    let res: Response;
    try {
      res = await fetchImpl(url, {
        redirect: "error",
        signal: AbortSignal.timeout(deps.env.UPSTREAM_TIMEOUT_MS),
        headers: { accept: [...TYPES].join(", ") },
      });
    } catch (cause) {
      throw new ApiError("upstream_unavailable", { cause });
    }
    if (res.status === 404 || res.status === 410) {
      await res.body?.cancel();
      throw new ApiError("not_found");
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new ApiError("upstream_unavailable");
    }
    const type = (res.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    const length = Number(res.headers.get("content-length") ?? "0");
    if (!TYPES.has(type) || length > MAX_BYTES) {
      await res.body?.cancel();
      deps.logger.warn("image refused", { type, length, origin: url.origin });
      throw new ApiError("upstream_invalid");
    }
    const body = new Uint8Array(await res.arrayBuffer());
    if (body.byteLength > MAX_BYTES) throw new ApiError("upstream_invalid");
    return { type, body };
  };

  return {
    async get(sku, n, lang = "tr") {
      const entry = await catalog.product(sku, lang);
      const raw = entry?.imageUrls[n - 1];
      if (raw === undefined) throw new ApiError("not_found");
      const url = checkedImageUrl(raw, allowed);
      if (!url) {
        deps.logger.warn("image URL not on an allowed origin", { sku, n });
        throw new ApiError("not_found");
      }
      return cache.get(url.href, () => load(url));
    },
  };
}

/** The image response: long-lived cache, and a locked-down CSP for SVG (scripts never run). */
export function imageResponse(image: ProxiedImage): Response {
  const headers = new Headers({
    "Content-Type": image.type,
    "Content-Length": String(image.body.byteLength),
    "Cache-Control": "public, max-age=86400",
    "X-Content-Type-Options": "nosniff",
  });
  if (image.type === "image/svg+xml")
    headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  return new Response(image.body, { status: 200, headers });
}
