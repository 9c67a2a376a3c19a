import { runTogether, tsxNode } from "./processes.ts";

/**
 * `npm run dev`: the sandbox, the proxy (API only, on PROXY_DEV_PORT) and Vite's dev server with
 * hot reload on PORT (default 8080), which forwards /api to the proxy. The proxy's PUBLIC_URL is
 * Vite's origin: invoice links and 3-D Secure return URLs lead the browser back to the shop.
 */
const proxyPort = process.env.PROXY_DEV_PORT ?? "8081";
const vitePort = process.env.PORT ?? "8080";
runTogether([
  {
    name: "sandbox",
    ...tsxNode("sandbox/main.ts"),
    env: { SANDBOX_PORT: process.env.SANDBOX_PORT ?? "4010" },
  },
  {
    name: "proxy",
    ...tsxNode("server/main.ts"),
    env: {
      PORT: proxyPort,
      HOST: "127.0.0.1",
      NODE_ENV: "development",
      PUBLIC_URL: `http://localhost:${vitePort}`,
      DIST_DIR: "does-not-exist",
    },
  },
  {
    name: "vite",
    command: process.execPath,
    args: ["node_modules/vite/bin/vite.js", "--port", vitePort, "--strictPort"],
    env: { PROXY_DEV_PORT: proxyPort },
  },
]);
