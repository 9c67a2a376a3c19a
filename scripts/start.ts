import { existsSync } from "node:fs";
import { runTogether, tsxNode } from "./processes.ts";

/**
 * `npm start`: the sandbox and the proxy serving the built shop, on one port (PORT, default 8080).
 * `npm start` builds first; Playwright's webServer runs this after its own build.
 */
if (!existsSync("dist/index.html")) {
  console.error("dist/ is missing: run `npm run build` first (npm start does it for you).");
  process.exit(1);
}

const sandboxPort = process.env.SANDBOX_PORT ?? "4010";
runTogether([
  { name: "sandbox", ...tsxNode("sandbox/main.ts"), env: { SANDBOX_PORT: sandboxPort } },
  { name: "proxy", ...tsxNode("server/main.ts"), env: { PORT: process.env.PORT ?? "8080" } },
]);
