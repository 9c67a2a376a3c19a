import { readSandboxEnv } from "./env.ts";
import { startSandbox } from "./server.ts";

const started = performance.now();
const env = readSandboxEnv();
const sandbox = await startSandbox(env);
const ms = Math.round(performance.now() - started);
console.log(
  `[sandbox] Minted Connect sandbox on ${sandbox.url} (${ms} ms) — Digest ${env.SANDBOX_USERNAME} / ${env.SANDBOX_DIGEST_ALGORITHM}; control API at ${sandbox.url}/__sandbox`,
);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void sandbox.close().then(() => process.exit(0));
  });
}
