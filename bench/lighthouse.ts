/**
 * Lighthouse (mobile preset: simulated slow 4G, 4× CPU slowdown) on the catalog, product, basket,
 * checkout and receipt pages of the built shop, served by the real proxy in front of the sandbox,
 * in Debian's Chromium. Basket, checkout and receipt need a customer with a basket and an order:
 * both are made through the proxy API, and the session cookie is passed to Lighthouse as an
 * extra header. Each page runs `--runs` times; the run with the median performance score counts.
 * Budgets (ARCHITECTURE.md): performance ≥ 0.95, accessibility 1.00, best practices 1.00,
 * CLS < 0.02.
 *
 *   node --import tsx bench/lighthouse.ts [--no-build] [--runs 3] [--check]
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { z } from "zod";
import {
  benchDist,
  benchPorts,
  ensureBuild,
  kb,
  launch,
  metric,
  reportPart,
  startStack,
  type Metric,
} from "./support.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    "no-build": { type: "boolean", default: false },
    check: { type: "boolean", default: false },
  },
});
const runs = Math.max(1, Number(values.runs));
const { sandboxPort, proxyPort } = benchPorts(1);
const sku = "MNTGB00010";
const customer = "DEMO-IND-001";
const chromePath = "/usr/bin/chromium";
const chromeFlags = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
const budgets = { performance: 0.95, accessibility: 1, bestPractices: 1, cls: 0.02 };

ensureBuild(values["no-build"]);

/** The proxy API as the customer: JSON in, JSON out, failing loudly. */
function api(proxyUrl: string, cookie: string) {
  return async <T extends z.ZodType>(
    method: string,
    path: string,
    schema: T,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<z.output<T>> => {
    const res = await fetch(`${proxyUrl}${path}`, {
      method,
      headers: {
        cookie,
        origin: proxyUrl,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${String(res.status)} ${text}`);
    return schema.parse(JSON.parse(text));
  };
}

/** A paid (wallet) order, then a fresh basket line: the state the five pages are measured in. */
async function prepareCustomer(proxyUrl: string, cookie: string): Promise<string> {
  const call = api(proxyUrl, cookie);
  await call("POST", "/api/basket/items", z.unknown(), { sku, quantity: 1 });
  const { addresses } = await call(
    "GET",
    "/api/addresses",
    z.object({ addresses: z.array(z.object({ id: z.number(), type: z.string() })) }),
  );
  const idOf = (type: string) => {
    const found = addresses.find((a) => a.type === type) ?? addresses[0];
    if (!found) throw new Error(`${customer} has no saved address`);
    return found.id;
  };
  await call("PUT", "/api/checkout/addresses", z.unknown(), {
    shippingAddressId: idOf("shipping"),
    billingAddressId: idOf("billing"),
  });
  const { documents } = await call(
    "GET",
    "/api/checkout/legal",
    z.object({ documents: z.array(z.object({ type: z.string(), version: z.string() })) }),
  );
  await call("PUT", "/api/checkout/legal/acceptance", z.unknown(), {
    documents: documents.map(({ type, version }) => ({ type, version })),
    accepted: true,
  });
  const { quoteId } = await call("GET", "/api/checkout/quote", z.object({ quoteId: z.string() }));
  const { orderCode } = await call(
    "POST",
    "/api/checkout/complete",
    z.object({ orderCode: z.string() }),
    {
      quoteId,
      paymentType: "wallet",
      legalAcceptances: documents.map(({ type }) => ({ type })),
    },
    { "Idempotency-Key": `bench-${crypto.randomUUID()}` },
  );
  await call("POST", "/api/basket/items", z.unknown(), { sku, quantity: 1 });
  return orderCode;
}

const lhrSchema = z.object({
  finalDisplayedUrl: z.string(),
  environment: z.object({ benchmarkIndex: z.number() }),
  runWarnings: z.array(z.string()),
  categories: z.object({
    performance: z.object({ score: z.nullable(z.number()) }),
    accessibility: z.object({ score: z.nullable(z.number()) }),
    "best-practices": z.object({ score: z.nullable(z.number()) }),
  }),
  audits: z.record(
    z.string(),
    z.object({
      score: z.nullable(z.number()).optional(),
      numericValue: z.number().optional(),
      details: z.unknown().optional(),
    }),
  ),
});
type Lhr = z.infer<typeof lhrSchema>;

const resourceSchema = z.object({
  items: z.array(z.object({ resourceType: z.string(), transferSize: z.number() })),
});
const requestsSchema = z.object({
  items: z.array(
    z.object({ url: z.string(), resourceType: z.optional(z.string()), transferSize: z.number() }),
  ),
});

function figuresOf(lhr: Lhr) {
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const resources = resourceSchema.safeParse(lhr.audits["resource-summary"]?.details);
  const scriptBytes = resources.success
    ? (resources.data.items.find((i) => i.resourceType === "script")?.transferSize ?? 0)
    : Number.NaN;
  const requests = requestsSchema.safeParse(lhr.audits["network-requests"]?.details);
  const scripts = requests.success
    ? requests.data.items
        .filter((r) => r.resourceType === "Script")
        .map((r) => ({ url: new URL(r.url).pathname, transferSize: r.transferSize }))
    : [];
  const failing = Object.entries(lhr.audits)
    .filter(([, audit]) => audit.score !== null && audit.score !== undefined && audit.score < 1)
    .map(([id]) => id);
  return {
    url: lhr.finalDisplayedUrl,
    performance: lhr.categories.performance.score ?? 0,
    accessibility: lhr.categories.accessibility.score ?? 0,
    bestPractices: lhr.categories["best-practices"].score ?? 0,
    lcpMs: Math.round(numeric("largest-contentful-paint")),
    tbtMs: Math.round(numeric("total-blocking-time")),
    cls: Math.round(numeric("cumulative-layout-shift") * 1000) / 1000,
    fcpMs: Math.round(numeric("first-contentful-paint")),
    scriptTransferBytes: scriptBytes,
    scripts,
    // Lighthouse's CPU benchmark of this machine at the time (a desktop is ~1,500–2,500).
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    auditsBelowFull: failing,
    warnings: lhr.runWarnings,
  };
}
type PageFigures = ReturnType<typeof figuresOf>;

if (!existsSync(chromePath)) throw new Error(`Lighthouse needs Chromium at ${chromePath}`);
const stack = await startStack({ sandboxPort, proxyPort, env: { DIST_DIR: benchDist } });
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags, logLevel: "silent" });

try {
  const { proxyUrl } = stack;
  const cookie = await launch(proxyUrl, customer);
  const orderCode = await prepareCustomer(proxyUrl, cookie);
  const pages: { name: string; path: string; session: boolean }[] = [
    { name: "catalog", path: "/", session: false },
    { name: "product", path: `/products/${sku}`, session: false },
    { name: "basket", path: "/basket", session: true },
    { name: "checkout", path: "/checkout", session: true },
    { name: "receipt", path: `/orders/${orderCode}/receipt`, session: true },
  ];

  const results: { name: string; median: PageFigures; runs: PageFigures[] }[] = [];
  for (const page of pages) {
    const measured: PageFigures[] = [];
    for (let run = 0; run < runs; run++) {
      // The catalog and product pages are measured as a customer too: that is how a partner
      // app opens them, and it keeps the session-only parts of the shell (basket badge) in.
      const result = await lighthouse(`${proxyUrl}${page.path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
        extraHeaders: { cookie },
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      const figures = figuresOf(lhrSchema.parse(result.lhr));
      console.log(
        `${page.name} #${String(run + 1)}: performance ${figures.performance.toFixed(2)}, ` +
          `LCP ${String(figures.lcpMs)} ms, TBT ${String(figures.tbtMs)} ms (${figures.url})`,
      );
      measured.push(figures);
    }
    const sorted = [...measured].sort((a, b) => a.performance - b.performance);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    if (!median) throw new Error("no Lighthouse run");
    results.push({ name: page.name, median, runs: measured });
  }

  const metrics: Metric[] = results.flatMap(({ name, median }) => [
    metric(`Lighthouse ${name}: performance`, median.performance.toFixed(2), {
      text: `≥ ${budgets.performance.toFixed(2)}`,
      ok: median.performance >= budgets.performance,
    }),
    metric(`Lighthouse ${name}: accessibility`, median.accessibility.toFixed(2), {
      text: budgets.accessibility.toFixed(2),
      ok: median.accessibility >= budgets.accessibility,
    }),
    metric(`Lighthouse ${name}: best practices`, median.bestPractices.toFixed(2), {
      text: budgets.bestPractices.toFixed(2),
      ok: median.bestPractices >= budgets.bestPractices,
    }),
    metric(`Lighthouse ${name}: CLS`, median.cls.toFixed(3), {
      text: `< ${String(budgets.cls)}`,
      ok: median.cls < budgets.cls,
    }),
    metric(
      `Lighthouse ${name}: LCP / TBT / JS transferred`,
      `${(median.lcpMs / 1000).toFixed(2)} s / ${String(median.tbtMs)} ms / ${kb(median.scriptTransferBytes)}`,
    ),
  ]);
  // How fast Lighthouse found this machine (a quiet desktop is ~1,500–2,500): low values mean the
  // 4× CPU slowdown was applied on top of an already slow or busy CPU.
  const indices = results.flatMap((r) => r.runs.map((run) => run.benchmarkIndex));
  metrics.push(
    metric(
      "Lighthouse: CPU benchmarkIndex during the runs (min–max)",
      `${String(Math.min(...indices))}–${String(Math.max(...indices))}`,
    ),
  );
  await reportPart(
    "lighthouse",
    metrics,
    { preset: "mobile (simulated slow 4G, 4× CPU)", runsPerPage: runs, chromeFlags, results },
    values.check,
  );
} finally {
  chrome.kill();
  stack.stop();
}
