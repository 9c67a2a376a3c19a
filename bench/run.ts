/**
 * `npm run bench`: every benchmark, one table. Builds the shop once into the bench's own dist,
 * runs each part in its own process (bundle, Lighthouse, basket tap latency, proxy, sandbox),
 * then prints one table of metric, value, budget and ok/OVER, and writes bench-results/bench.json
 * (each part also leaves its own bench-results/<part>.json with the raw figures).
 *
 *   npm run bench                       everything (≈ 10 min on 2 cores)
 *   npm run bench -- --quick            no Lighthouse, no sandbox throughput, shorter loads (CI)
 *   npm run bench -- --check            exit 1 when a budget of ARCHITECTURE.md is missed
 *   npm run bench -- --no-build         reuse the bench's last build
 *   npm run bench -- --lighthouse-runs 5
 *
 * Ports: BENCH_SANDBOX_PORT / BENCH_PROXY_PORT (default 4490 / 8490) and the next three of each.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ensureBuild, formatTable, metric, missed, writeResult, type Metric } from "./support.ts";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    check: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    "lighthouse-runs": { type: "string", default: "3" },
  },
});
const quick = values.quick;
const startedAt = new Date();

const parts: { name: string; script: string; args: string[] }[] = [
  { name: "bundle", script: "bench/bundle.ts", args: ["--no-build"] },
  ...(quick
    ? []
    : [
        {
          name: "lighthouse",
          script: "bench/lighthouse.ts",
          args: ["--no-build", "--runs", values["lighthouse-runs"]],
        },
      ]),
  {
    name: "basket",
    script: "bench/basket-latency.ts",
    args: ["--no-build", ...(quick ? ["--quick"] : [])],
  },
  { name: "proxy", script: "bench/proxy.ts", args: quick ? ["--quick"] : [] },
  ...(quick ? [] : [{ name: "sandbox", script: "bench/sandbox-catalog.ts", args: [] }]),
];

const partSchema = z.object({
  measuredAt: z.string(),
  metrics: z.array(
    z.object({
      metric: z.string(),
      value: z.string(),
      budget: z.nullable(z.string()),
      ok: z.nullable(z.boolean()),
    }),
  ),
});

function cpuModel(): string {
  try {
    return /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown";
  } catch {
    return "unknown";
  }
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const loadBefore = load();

ensureBuild(values["no-build"]);

const metrics: Metric[] = [];
const timings: Record<string, number> = {};
for (const part of parts) {
  console.log(`\n── ${part.name} ──`);
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", part.script, ...part.args], {
    stdio: "inherit",
    env: process.env,
  });
  timings[part.name] = Math.round((performance.now() - started) / 1000);
  const file = `bench-results/${part.name}.json`;
  const result = existsSync(file)
    ? partSchema.safeParse(JSON.parse(readFileSync(file, "utf8")))
    : null;
  // A part that crashed leaves no fresh result: that is a failure, not a missing row.
  if (!result?.success || Date.parse(result.data.measuredAt) < startedAt.getTime()) {
    metrics.push(
      metric(`${part.name}: ran`, `failed (exit ${String(run.status ?? run.signal)})`, {
        text: "runs",
        ok: false,
      }),
    );
    continue;
  }
  metrics.push(...result.data.metrics);
}

const machine = {
  cpus: availableParallelism(),
  cpuModel: cpuModel(),
  node: process.version,
  loadAverage: { before: loadBefore, after: load() },
};
const seconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
console.log(
  `\n${quick ? "Quick bench" : "Bench"} (${String(machine.cpus)} × ${machine.cpuModel}, node ${machine.node}, ` +
    `load ${loadBefore} → ${machine.loadAverage.after}, ${String(seconds)} s)\n`,
);
console.log(formatTable(metrics));
await writeResult("bench", {
  measuredAt: startedAt.toISOString(),
  mode: quick ? "quick" : "full",
  seconds,
  partSeconds: timings,
  machine,
  metrics,
});
await writeFile("bench-results/bench.txt", `${formatTable(metrics)}\n`);

const over = missed(metrics);
if (over.length > 0) {
  console.log(`\nMissed budgets (${String(over.length)}):`);
  for (const m of over) console.log(`  - ${m.metric}: ${m.value} (budget ${m.budget ?? "—"})`);
  if (values.check) process.exitCode = 1;
}
