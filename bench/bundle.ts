/**
 * JS and CSS each route's first view loads, gzip and brotli, from Vite's manifest: the entry
 * chunk with its static imports, plus the route's lazy module(s) with theirs, and the CSS of all
 * of those. Budgets (ARCHITECTURE.md): JS for the first catalog view ≤ 120 KB gzip; CSS ≤ 15 KB
 * gzip (all of it, every route's CSS together).
 *
 *   node --import tsx bench/bundle.ts            build into the bench's own dist, then measure
 *   node --import tsx bench/bundle.ts --no-build  measure the bench's existing build
 *   … --check                                    exit 1 when over budget
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { z } from "zod";
import { benchDist, ensureBuild, kb, metric, reportPart, type Metric } from "./support.ts";

const budgets = { firstCatalogJsGzip: 120 * 1024, cssGzip: 15 * 1024 };

/**
 * The route table of src/app/router.tsx, as the modules each route's `lazy` imports. The
 * checkout's first view is its address step (the index step redirects there).
 */
const routes: Record<string, readonly string[]> = {
  catalog: ["src/features/catalog/catalog-page.tsx"],
  product: ["src/features/product/product-page.tsx"],
  basket: ["src/features/basket/basket-page.tsx"],
  checkout: [
    "src/features/checkout/checkout-layout.tsx",
    "src/features/checkout/checkout-routing.ts",
    "src/features/checkout/address-step.tsx",
  ],
  "checkout review": [
    "src/features/checkout/checkout-layout.tsx",
    "src/features/checkout/review-step.tsx",
  ],
  "checkout pay": [
    "src/features/checkout/checkout-layout.tsx",
    "src/features/checkout/pay-step.tsx",
  ],
  "checkout return": ["src/features/checkout/return-page.tsx"],
  orders: ["src/features/orders/orders-page.tsx"],
  order: ["src/features/orders/order-page.tsx"],
  receipt: ["src/features/receipt/receipt-page.tsx"],
  invoice: ["src/features/orders/invoice-page.tsx"],
  wallet: ["src/features/wallet/wallet-page.tsx"],
  addresses: ["src/features/addresses/addresses-page.tsx"],
  "receipt lookup": ["src/features/receipt-lookup/receipt-lookup-page.tsx"],
  launch: ["src/features/launch/launch-page.tsx"],
};

const manifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    isEntry: z.optional(z.boolean()),
    imports: z.optional(z.array(z.string())),
    dynamicImports: z.optional(z.array(z.string())),
    css: z.optional(z.array(z.string())),
  }),
);
type Manifest = z.infer<typeof manifestSchema>;

interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}
interface RouteSize {
  route: string;
  js: Size;
  css: Size;
  jsFiles: string[];
  cssFiles: string[];
}

/** A chunk and everything it imports statically, as manifest keys. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  if (!manifest[key]) throw new Error(`No chunk for ${key} in the manifest (router moved?)`);
  seen.add(key);
  for (const dependency of manifest[key].imports ?? []) staticClosure(manifest, dependency, seen);
  return seen;
}

function measureRoutes(dist: string): {
  routes: RouteSize[];
  shellCss: Size & { files: string[] };
  allCss: Size & { files: string[] };
} {
  const manifest: Manifest = manifestSchema.parse(
    JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8")),
  );
  const sizes = new Map<string, Size>();
  const sizeOf = (file: string): Size => {
    const known = sizes.get(file);
    if (known) return known;
    const bytes = readFileSync(join(dist, file));
    const size = {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        .length,
    };
    sizes.set(file, size);
    return size;
  };
  // Each file compressed on its own, as it is served.
  const sum = (files: readonly string[]): Size =>
    files.map(sizeOf).reduce(
      (total, size) => ({
        raw: total.raw + size.raw,
        gzip: total.gzip + size.gzip,
        brotli: total.brotli + size.brotli,
      }),
      { raw: 0, gzip: 0, brotli: 0 },
    );

  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error("No entry chunk in the manifest");
  const shell = staticClosure(manifest, entryKey);

  const measured = Object.entries(routes).map(([route, modules]) => {
    const keys = new Set(shell);
    for (const module of modules) staticClosure(manifest, module, keys);
    const chunks = [...keys].map((key) => manifest[key]);
    const jsFiles = [...new Set(chunks.map((c) => c?.file ?? ""))].filter((f) => f.endsWith(".js"));
    const cssFiles = [...new Set(chunks.flatMap((c) => c?.css ?? []))];
    return { route, js: sum(jsFiles), css: sum(cssFiles), jsFiles, cssFiles };
  });
  const allCssFiles = [...new Set(Object.values(manifest).flatMap((c) => c.css ?? []))].sort();
  const shellCss = [...new Set([...shell].flatMap((key) => manifest[key]?.css ?? []))];
  return {
    routes: measured,
    shellCss: { ...sum(shellCss), files: shellCss },
    allCss: { ...sum(allCssFiles), files: allCssFiles },
  };
}

function bundleMetrics(measured: ReturnType<typeof measureRoutes>): Metric[] {
  const pair = (size: Size) => `${kb(size.gzip)} / ${kb(size.brotli)}`;
  const metrics: Metric[] = [];
  for (const route of measured.routes) {
    metrics.push(
      metric(
        `JS, first ${route.route} view (gzip / brotli)`,
        pair(route.js),
        route.route === "catalog"
          ? {
              text: `≤ ${kb(budgets.firstCatalogJsGzip)} gzip`,
              ok: route.js.gzip <= budgets.firstCatalogJsGzip,
            }
          : undefined,
      ),
    );
  }
  // Most routes load only the shell's CSS: one row for it, and one per route that adds some.
  metrics.push(metric("CSS, shell (in every first view) (gzip / brotli)", pair(measured.shellCss)));
  for (const route of measured.routes)
    if (route.css.raw !== measured.shellCss.raw)
      metrics.push(metric(`CSS, first ${route.route} view (gzip / brotli)`, pair(route.css)));
  metrics.push(
    metric("CSS, all routes (gzip / brotli)", pair(measured.allCss), {
      text: `≤ ${kb(budgets.cssGzip)} gzip`,
      ok: measured.allCss.gzip <= budgets.cssGzip,
    }),
  );
  return metrics;
}

const args = new Set(process.argv.slice(2));
ensureBuild(args.has("--no-build"));
const measured = measureRoutes(benchDist);
await reportPart("bundle", bundleMetrics(measured), { budgets, ...measured }, args.has("--check"));
