import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync, readlinkSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { join } from "node:path";

/** Start a long-lived process and resolve once it prints `ready`. */
export async function startProcess(
  entry: string,
  env: Record<string, string>,
  ready: string,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let seen = "";
    child.stdout.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(ready)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`${entry} exited with ${String(code)}`)));
  });
  return child;
}

export function machine(): string {
  return `${String(cpus().length)} × ${cpus()[0]?.model ?? "cpu"}, node ${process.version}`;
}

export async function writeResult(name: string, figures: Record<string, unknown>): Promise<void> {
  await mkdir("bench-results", { recursive: true });
  await writeFile(`bench-results/${name}.json`, `${JSON.stringify(figures, null, 2)}\n`);
}

/**
 * One row of the bench table: a figure, the budget it is held to (ARCHITECTURE.md) and whether it
 * is met; `budget`/`ok` are null for figures shown for information only.
 */
export interface Metric {
  metric: string;
  value: string;
  budget: string | null;
  ok: boolean | null;
}

export function metric(
  name: string,
  value: string,
  budget?: { text: string; ok: boolean },
): Metric {
  return { metric: name, value, budget: budget?.text ?? null, ok: budget?.ok ?? null };
}

/** The table `npm run bench` prints (also used by each part run alone). */
export function formatTable(metrics: readonly Metric[]): string {
  const rows = metrics.map((m) => [
    m.metric,
    m.value,
    m.budget ?? "—",
    m.ok === null ? "" : m.ok ? "ok" : "OVER",
  ]);
  const header = ["metric", "value", "budget", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function missed(metrics: readonly Metric[]): Metric[] {
  return metrics.filter((m) => m.ok === false);
}

/**
 * Prints a part's table, writes bench-results/<name>.json (`metrics` plus the part's raw
 * figures), and with `check` sets a failing exit code when a budget is missed.
 */
export async function reportPart(
  name: string,
  metrics: readonly Metric[],
  details: Record<string, unknown>,
  check: boolean,
): Promise<void> {
  console.log(formatTable(metrics));
  await writeResult(name, {
    measuredAt: new Date().toISOString(),
    machine: machine(),
    metrics,
    details,
  });
  const over = missed(metrics);
  if (check && over.length > 0) {
    console.error(`over budget: ${over.map((m) => m.metric).join("; ")}`);
    process.exitCode = 1;
  }
}

/**
 * Ports of a part: BENCH_SANDBOX_PORT / BENCH_PROXY_PORT (defaults 4490 / 8490) plus the part's
 * offset, so several checkouts can bench side by side on one machine.
 */
export function benchPorts(offset: number): { sandboxPort: number; proxyPort: number } {
  const base = (name: string, fallback: number) => {
    const value = Number(process.env[name] ?? fallback);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a port number`);
    return value;
  };
  return {
    sandboxPort: base("BENCH_SANDBOX_PORT", 4490) + offset,
    proxyPort: base("BENCH_PROXY_PORT", 8490) + offset,
  };
}

/** The bench's own build (with Vite's manifest and precompressed files), apart from `dist/`. */
export const benchDist = join(import.meta.dirname, "..", "node_modules/.tmp/bench-dist");

/**
 * Builds the shop into `benchDist` the way `npm run build` does (plus `--manifest`), so that a
 * build running elsewhere (e2e, dev) cannot change it mid-way.
 */
export function buildShop(): void {
  const root = join(import.meta.dirname, "..");
  execFileSync(
    "npx",
    ["vite", "build", "--manifest", "--logLevel", "warn", "--outDir", benchDist, "--emptyOutDir"],
    { cwd: root, stdio: "inherit" },
  );
  execFileSync(process.execPath, ["--import", "tsx", "scripts/compress-dist.ts", benchDist], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Builds the shop unless `benchDist` holds a build and `--no-build` was given. */
export function ensureBuild(noBuild: boolean): void {
  if (noBuild && existsSync(join(benchDist, ".vite", "manifest.json"))) return;
  buildShop();
}

/** Resident set size of a process in bytes (Linux /proc), or NaN where unavailable. */
export function rssOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * Established TCP connections a process holds to `port` (Linux: its socket fds matched against
 * /proc/net/tcp{,6}), or NaN where /proc is unavailable.
 */
export function connectionsTo(pid: number | undefined, port: number): number {
  if (pid === undefined) return Number.NaN;
  try {
    const inodes = new Set<string>();
    for (const fd of readdirSync(`/proc/${String(pid)}/fd`)) {
      try {
        const socket = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${String(pid)}/fd/${fd}`));
        if (socket?.[1]) inodes.add(socket[1]);
      } catch {
        // Closed while we looked.
      }
    }
    let count = 0;
    for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
      const lines = existsSync(table) ? readFileSync(table, "utf8").split("\n").slice(1) : [];
      for (const line of lines) {
        const cols = line.trim().split(/\s+/);
        const remotePort = parseInt(cols[2]?.split(":")[1] ?? "", 16);
        if (cols[3] === "01" && remotePort === port && inodes.has(cols[9] ?? "")) count++;
      }
    }
    return count;
  } catch {
    return Number.NaN;
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, i)] ?? 0) * 100) / 100;
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** A customer session through the real launch flow (dev token → POST /api/session). */
export async function launch(proxyUrl: string, customer: string): Promise<string> {
  const redirect = await fetch(`${proxyUrl}/dev/launch?customer=${customer}`, {
    redirect: "manual",
  });
  const location = redirect.headers.get("location") ?? "";
  const token = new URLSearchParams(location.split("#")[1] ?? "").get("token");
  if (!token) throw new Error(`no launch token in ${location}`);
  const res = await fetch(`${proxyUrl}/api/session`, {
    method: "POST",
    headers: { origin: proxyUrl, "content-type": "application/json" },
    body: JSON.stringify({ token }),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!res.ok || !cookie) throw new Error(`launch failed: ${String(res.status)}`);
  return cookie;
}

/**
 * Digest headers for one fixed request-target on one nonce, with a counted nc — what a warm
 * client sends. Used to measure the sandbox without the proxy in front of it.
 */
export async function digestSigner(
  base: string,
  path: string,
  user = "demo-partner",
  password = "demo-secret",
) {
  const res = await fetch(`${base}${path}`, { headers: { "x-client-id": "web" } });
  const challenge = res.headers.get("www-authenticate") ?? "";
  const param = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(challenge)?.[1] ?? "";
  const [realm, nonce, opaque] = [param("realm"), param("nonce"), param("opaque")];
  const md5 = (s: string) => createHash("md5").update(s).digest("hex");
  const ha1 = md5(`${user}:${realm}:${password}`);
  const ha2 = md5(`GET:${path}`);
  let nc = 0;
  return (): Record<string, string> => {
    nc += 1;
    const ncHex = nc.toString(16).padStart(8, "0");
    const cnonce = randomBytes(8).toString("hex");
    const response = md5(`${ha1}:${nonce}:${ncHex}:${cnonce}:auth:${ha2}`);
    return {
      "x-client-id": "web",
      authorization:
        `Digest username="${user}", realm="${realm}", nonce="${nonce}", uri="${path}", ` +
        `algorithm=MD5, qop=auth, nc=${ncHex}, cnonce="${cnonce}", response="${response}", opaque="${opaque}"`,
    };
  };
}

/** The sandbox and the proxy (sandbox mode, generous rate limits) as real processes on loopback. */
export async function startStack(options: {
  sandboxPort: number;
  proxyPort: number;
  env?: Record<string, string>;
}): Promise<{ sandboxUrl: string; proxyUrl: string; proxyPid: number | undefined; stop(): void }> {
  const sandboxUrl = `http://127.0.0.1:${String(options.sandboxPort)}`;
  const sandbox = await startProcess(
    "sandbox/main.ts",
    { SANDBOX_PORT: String(options.sandboxPort), SANDBOX_LOG: "silent" },
    "sandbox on",
  );
  const proxy = await startProcess(
    "server/main.ts",
    {
      PORT: String(options.proxyPort),
      HOST: "127.0.0.1",
      SANDBOX: "1",
      MINTED_API_URL: sandboxUrl,
      LOG_LEVEL: "error",
      RATE_LIMIT_PER_MINUTE: "100000",
      RATE_LIMIT_IP_PER_MINUTE: "100000",
      ...options.env,
    },
    "Minted Shop on",
  ).catch((error: unknown) => {
    sandbox.kill("SIGTERM");
    throw error;
  });
  return {
    sandboxUrl,
    proxyUrl: `http://127.0.0.1:${String(options.proxyPort)}`,
    proxyPid: proxy.pid,
    stop: () => {
      proxy.kill("SIGTERM");
      sandbox.kill("SIGTERM");
    },
  };
}
