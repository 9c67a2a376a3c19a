/**
 * Bundle budget: JS a first catalog view loads (the entry, its static imports, and the catalog
 * route's chunk with its static imports) and all CSS, gzip and brotli, from Vite's manifest.
 *
 *   node --import tsx bench/bundle.ts            build, then measure
 *   node --import tsx bench/bundle.ts --no-build  measure the existing dist/ (built with --manifest)
 *   … --check                                    exit 1 when over budget
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { z } from "zod";

const root = join(import.meta.dirname, "..");
const args = new Set(process.argv.slice(2));
// Its own output directory, so a build running elsewhere (e2e, dev) cannot change it mid-way.
const dist = args.has("--no-build")
  ? join(root, "dist")
  : join(root, "node_modules/.tmp/bundle-dist");
const budgets = { firstCatalogJsGzip: 120 * 1024, cssGzip: 15 * 1024 };
const catalogRoute = "src/features/catalog/catalog-page.tsx";

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

if (!args.has("--no-build")) {
  execFileSync(
    "npx",
    ["vite", "build", "--manifest", "--logLevel", "warn", "--outDir", dist, "--emptyOutDir"],
    { cwd: root, stdio: "inherit" },
  );
}

const manifest: Manifest = manifestSchema.parse(
  JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8")),
);

/** A chunk and everything it imports statically, as manifest keys. */
function staticClosure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dependency of manifest[key]?.imports ?? []) staticClosure(dependency, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
if (!entryKey) throw new Error("No entry chunk in the manifest");
if (!manifest[catalogRoute]) throw new Error(`No chunk for ${catalogRoute} in the manifest`);

const keys = staticClosure(catalogRoute, staticClosure(entryKey));
const jsFiles = [...new Set([...keys].map((key) => manifest[key]?.file ?? ""))].filter((file) =>
  file.endsWith(".js"),
);
const cssFiles = [...new Set(Object.values(manifest).flatMap((chunk) => chunk.css ?? []))].sort();

interface Row {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

function measure(file: string): Row {
  const bytes = readFileSync(join(dist, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
}

function total(rows: Row[], file: string): Row {
  return rows.reduce(
    (sum, row) => ({
      file,
      raw: sum.raw + row.raw,
      gzip: sum.gzip + row.gzip,
      brotli: sum.brotli + row.brotli,
    }),
    { file, raw: 0, gzip: 0, brotli: 0 },
  );
}

const js = jsFiles.map(measure).sort((a, b) => b.gzip - a.gzip);
const css = cssFiles.map(measure);
const jsTotal = total(js, "JS, first catalog view");
const cssTotal = total(css, "CSS, all");

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const line = (row: Row) =>
  `${row.file.padEnd(52)} ${kb(row.raw).padStart(10)} ${kb(row.gzip).padStart(10)} ${kb(row.brotli).padStart(10)}`;
console.log(
  `${"file".padEnd(52)} ${"raw".padStart(10)} ${"gzip".padStart(10)} ${"brotli".padStart(10)}`,
);
for (const row of [...js, jsTotal, ...css, cssTotal]) console.log(line(row));

const checks = [
  {
    what: "JS for the first catalog view, gzip",
    value: jsTotal.gzip,
    budget: budgets.firstCatalogJsGzip,
  },
  { what: "CSS, gzip", value: cssTotal.gzip, budget: budgets.cssGzip },
];
console.log("");
for (const check of checks) {
  const ok = check.value <= check.budget;
  console.log(
    `${ok ? "ok  " : "OVER"} ${check.what}: ${kb(check.value)} (budget ${kb(check.budget)})`,
  );
}

mkdirSync(join(root, "bench-results"), { recursive: true });
writeFileSync(
  join(root, "bench-results", "bundle.json"),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), budgets, js, jsTotal, css, cssTotal }, null, 2)}\n`,
);

if (args.has("--check") && checks.some((check) => check.value > check.budget)) process.exit(1);
