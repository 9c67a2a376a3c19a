import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { readProxyEnv } from "./env.ts";

const env = readProxyEnv();
const app = createApp({ env });
const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`[proxy] Minted Shop on http://localhost:${port}`);
});

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
