/**
 * How many Digest-authenticated catalog GETs per second the sandbox sustains.
 * Starts the sandbox in its own process, reuses one nonce with a counted `nc` (as a warm proxy
 * does), and drives it with autocannon. Prints a table and writes bench-results/sandbox.json.
 *
 *   npm run bench:sandbox [-- --seconds 10 --connections 50]
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const port = 4390;
const base = `http://127.0.0.1:${port}`;
const path = "/partner/ecom/products?page=1&total=10";

const started = performance.now();
const child = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
  env: { ...process.env, SANDBOX_PORT: String(port) },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve, reject) => {
  child.stdout.on("data", (chunk: Buffer) => {
    if (chunk.toString().includes("sandbox on")) resolve();
  });
  child.once("exit", (code) => reject(new Error(`sandbox exited ${String(code)}`)));
});
const startupMs = performance.now() - started;

try {
  const res = await fetch(`${base}${path}`, { headers: { "x-client-id": "web" } });
  const challenge = res.headers.get("www-authenticate") ?? "";
  const param = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(challenge)?.[1] ?? "";
  const [realm, nonce, opaque] = [param("realm"), param("nonce"), param("opaque")];
  const md5 = (s: string) => createHash("md5").update(s).digest("hex");
  const ha1 = md5(`demo-partner:${realm}:demo-secret`);
  const ha2 = md5(`GET:${path}`);
  let nc = 0;

  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        method: "GET",
        path,
        setupRequest: (req) => {
          nc += 1;
          const ncHex = nc.toString(16).padStart(8, "0");
          const cnonce = randomBytes(8).toString("hex");
          const response = md5(`${ha1}:${nonce}:${ncHex}:${cnonce}:auth:${ha2}`);
          return {
            ...req,
            headers: {
              "x-client-id": "web",
              authorization:
                `Digest username="demo-partner", realm="${realm}", nonce="${nonce}", uri="${path}", ` +
                `algorithm=MD5, qop=auth, nc=${ncHex}, cnonce="${cnonce}", response="${response}", opaque="${opaque}"`,
            },
          };
        },
      },
    ],
  });

  const figures = {
    what: "Digest-authenticated GET /partner/ecom/products?page=1&total=10 on the sandbox",
    machine: `${String(cpus().length)} × ${cpus()[0]?.model ?? "cpu"}, node ${process.version}`,
    startup_ms: Math.round(startupMs),
    connections,
    seconds,
    requests_per_second: Math.round(result.requests.average),
    latency_p50_ms: result.latency.p50,
    latency_p99_ms: result.latency.p99,
    non_2xx: result.non2xx,
    errors: result.errors,
    total_requests: result.requests.total,
  };
  console.table(figures);
  await mkdir("bench-results", { recursive: true });
  await writeFile("bench-results/sandbox.json", `${JSON.stringify(figures, null, 2)}\n`);
  if (figures.non_2xx > 0 || figures.errors > 0) {
    console.error("Some requests failed: the figures above are not valid.");
    process.exitCode = 1;
  }
} finally {
  child.kill("SIGTERM");
}
