import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { Hono, type Context } from "hono";
import { getMimeType } from "hono/utils/mime";
import type { AppEnv } from "../deps.ts";
import type { ProxyEnv } from "../env.ts";

interface Variant {
  body: Buffer;
  encoding: "br" | "gzip" | null;
}

interface StaticFile {
  type: string;
  etag: string;
  lastModified: string;
  cacheControl: string;
  identity: Variant;
  br?: Variant;
  gzip?: Variant;
}

const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";
const COMPRESSED_SUFFIX = { br: ".br", gzip: ".gz" } as const;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.isFile() ? [full] : [];
  });
}

/**
 * Every file of dist/, read once at start-up (a deploy restarts the proxy). Only these exact
 * paths are ever served, so no request path can reach outside dist/.
 */
function loadDist(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const all = new Set(walk(root));
  for (const path of all) {
    if (path.endsWith(COMPRESSED_SUFFIX.br) || path.endsWith(COMPRESSED_SUFFIX.gzip)) continue;
    const urlPath = `/${relative(root, path).split(sep).join("/")}`;
    const stat = statSync(path);
    const variant = (encoding: "br" | "gzip"): Variant | undefined => {
      const sibling = path + COMPRESSED_SUFFIX[encoding];
      return all.has(sibling) ? { body: readFileSync(sibling), encoding } : undefined;
    };
    const br = variant("br");
    const gzip = variant("gzip");
    files.set(urlPath, {
      type: getMimeType(path) ?? "application/octet-stream",
      etag: `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`,
      lastModified: stat.mtime.toUTCString(),
      cacheControl: urlPath.startsWith("/assets/") ? IMMUTABLE : REVALIDATE,
      identity: { body: readFileSync(path), encoding: null },
      ...(br ? { br } : {}),
      ...(gzip ? { gzip } : {}),
    });
  }
  return files;
}

/** q-values of Accept-Encoding (absent or q=0 → not acceptable). */
function accepts(header: string | undefined, encoding: string): boolean {
  if (!header) return false;
  return header.split(",").some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (name?.trim() !== encoding) return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function send(c: Context<AppEnv>, file: StaticFile): Response {
  const encoded = file.br || file.gzip;
  const header = c.req.header("accept-encoding");
  const variant =
    (file.br && accepts(header, "br") ? file.br : undefined) ??
    (file.gzip && accepts(header, "gzip") ? file.gzip : undefined) ??
    file.identity;
  const etag = variant.encoding ? `${file.etag.slice(0, -1)}-${variant.encoding}"` : file.etag;
  const headers: Record<string, string> = {
    "Content-Type": file.type,
    "Cache-Control": file.cacheControl,
    ETag: etag,
    "Last-Modified": file.lastModified,
  };
  if (encoded) headers.Vary = "Accept-Encoding";
  if (variant.encoding) headers["Content-Encoding"] = variant.encoding;
  const tags = c.req
    .header("if-none-match")
    ?.split(",")
    .map((t) => t.trim());
  if (tags?.includes(etag) || tags?.includes("*")) return c.body(null, 304, headers);
  headers["Content-Length"] = String(variant.body.byteLength);
  if (c.req.method === "HEAD") return c.body(null, 200, headers);
  return c.body(new Uint8Array(variant.body), 200, headers);
}

const NOT_OURS = /^\/(?:api|dev)(?:\/|$)/;
/** A missing file a page loads (script, style, image, font, manifest): 404, not the page. */
const FILE_NAME =
  /\.(?:m?js|css|map|json|webmanifest|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|txt|xml|wasm)$/i;

/**
 * The built shop, when DIST_DIR has an index.html: hashed `/assets/*` immutable for a year,
 * everything else `no-cache` (revalidated with ETag); precompressed `.br` / `.gz` siblings when
 * the client accepts them (`scripts/compress-dist.ts` makes them at build time); the SPA's
 * index.html for any other GET, whatever its `Accept` (curl and uptime checks ask for `*\/*` or
 * nothing), except under /api and /dev. Unknown `/assets/*` → 404 (never index.html served as
 * JavaScript), and so is a missing file name (`/missing.js`) unless the request asks for HTML.
 */
export function staticFiles(env: Pick<ProxyEnv, "DIST_DIR">): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const root = resolve(env.DIST_DIR);
  let files: Map<string, StaticFile>;
  try {
    files = loadDist(root);
  } catch {
    return app;
  }
  const index = files.get("/index.html");
  if (!index) return app;

  app.get("*", (c, next) => {
    const path = c.req.path;
    if (NOT_OURS.test(path)) return next();
    const file = files.get(path);
    if (file) return send(c, file);
    if (path.startsWith("/assets/")) return next();
    const wantsHtml = (c.req.header("accept") ?? "").includes("text/html");
    if (!wantsHtml && FILE_NAME.test(path)) return next();
    return send(c, index);
  });
  return app;
}
