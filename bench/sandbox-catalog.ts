/**
 * How many Digest-authenticated catalog GETs per second the sandbox sustains.
 * Starts the sandbox in its own process, reuses one nonce with a counted `nc` (as a warm proxy
 * does), and drives it with autocannon. Prints a table and writes bench-results/sandbox.json.
 *
 *   npm run bench:sandbox [-- --seconds 10 --connections 50]
 */
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { digestSigner, machine, startProcess, writeResult } from "./support.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const port = 4390;
const base = `http://127.0.0.1:${String(port)}`;
const path = "/partner/ecom/products?page=1&total=10";

const started = performance.now();
const sandbox = await startProcess("sandbox/main.ts", { SANDBOX_PORT: String(port) }, "sandbox on");
const startupMs = performance.now() - started;

try {
  const sign = await digestSigner(base, path);
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [{ method: "GET", path, setupRequest: (req) => ({ ...req, headers: sign() }) }],
  });
  const figures = {
    what: "Digest-authenticated GET /partner/ecom/products?page=1&total=10 on the sandbox",
    machine: machine(),
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
  await writeResult("sandbox", figures);
  if (figures.non_2xx > 0 || figures.errors > 0) {
    console.error("Some requests failed: the figures above are not valid.");
    process.exitCode = 1;
  }
} finally {
  sandbox.kill("SIGTERM");
}
