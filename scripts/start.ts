import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { runTogether, tsxNode } from "./processes.ts";

/**
 * `npm start`: builds the shop when dist/ is missing or older than its sources, then runs the
 * sandbox and the proxy (SANDBOX=1) serving the built shop on one port (PORT, default 8080).
 * Playwright's webServer runs this too, right after its own build (so it does not rebuild).
 */
/** What the shop's build reads: when any is newer than dist/index.html, rebuild. */
const BUILD_INPUTS = [
  "src",
  "contract",
  "index.html",
  "vite.config.ts",
  "lingui.config.ts",
  "public",
  "package-lock.json",
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
}

const built = existsSync("dist/index.html") ? statSync("dist/index.html").mtimeMs : 0;
const sources = Math.max(...BUILD_INPUTS.map(newestMtime));
if (built < sources) {
  console.log(built ? "[start] sources changed: building the shop…" : "[start] building the shop…");
  // The same command as `npm run build` (vite build + precompression).
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error("[start] the build failed");
    process.exit(result.status ?? 1);
  }
}

const port = process.env.PORT ?? "8080";
const sandboxPort = process.env.SANDBOX_PORT ?? "4010";
runTogether([
  { name: "sandbox", ...tsxNode("sandbox/main.ts"), env: { SANDBOX_PORT: sandboxPort } },
  {
    name: "proxy",
    ...tsxNode("server/main.ts"),
    env: { PORT: port, SANDBOX: "1", MINTED_API_URL: `http://127.0.0.1:${sandboxPort}` },
  },
]);

/** Print the links once the proxy answers (the processes print their own lines meanwhile). */
async function announce(): Promise<void> {
  // The address the proxy listens on (loopback in sandbox mode): invoice links and 3-D Secure
  // return URLs lead back to it, so the session cookie must be this origin's too.
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) {
        console.log(
          `\n  Minted Shop:  ${base}/\n  Dev launch:   ${base}/dev/launch?customer=DEMO-IND-001\n`,
        );
        return;
      }
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
void announce();
