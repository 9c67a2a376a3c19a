import { MINTED_OPERATIONS } from "../minted/operations.ts";
import type { IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { serve, type ServerType } from "@hono/node-server";
import { WebSocketServer } from "ws";
import { createSandboxApp, createSandboxContext, REALM } from "./app.ts";
import type { SandboxContext } from "./context.ts";
import type { SandboxEnv } from "./env.ts";
import { priceMessages } from "./wire/catalog.ts";

export interface RunningSandbox {
  url: string;
  port: number;
  ctx: SandboxContext;
  close(): Promise<void>;
}

/** Start the sandbox on a port (0 = any free port). Used by `npm run sandbox` and by tests. */
export async function startSandbox(env: SandboxEnv): Promise<RunningSandbox> {
  let port = env.SANDBOX_PORT;
  const publicUrl = () => env.SANDBOX_PUBLIC_URL?.replace(/\/$/, "") ?? `http://127.0.0.1:${port}`;
  const ctx = createSandboxContext(env, publicUrl);
  const app = createSandboxApp(ctx);

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: env.SANDBOX_PORT, hostname: env.SANDBOX_HOST }, () =>
      resolve(s),
    );
  });
  port = (server.address() as AddressInfo).port;
  if ("keepAliveTimeout" in server) server.keepAliveTimeout = 65_000;

  // WS price feed: `GET /partner/ecom/ws` with a Digest-authenticated upgrade.
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const target = req.url ?? "/";
    if (new URL(target, "http://x").pathname !== MINTED_OPERATIONS.priceFeed.path) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    const result = ctx.digest.verify(req.headers.authorization, "GET", target);
    if (!result.ok) {
      socket.end(
        `HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: ${ctx.digest.challenge(result.stale)}\r\n` +
          `Content-Length: 0\r\nConnection: close\r\n\r\n`,
      );
      return;
    }
    ctx.log.add({
      time: new Date(ctx.clock.now()).toISOString(),
      method: "GET",
      path: MINTED_OPERATIONS.priceFeed.path,
      query: "",
      status: 101,
      auth: "digest",
      duration_ms: 0,
    });
    wss.handleUpgrade(req, socket, head, (ws) => {
      for (const m of priceMessages(ctx)) ws.send(JSON.stringify(m));
    });
  });
  let lastTick = ctx.prices.tickIndex();
  const timer = setInterval(
    () => {
      const tick = ctx.prices.tickIndex();
      if (tick === lastTick || wss.clients.size === 0) return;
      lastTick = tick;
      const frames = priceMessages(ctx).map((m) => JSON.stringify(m));
      for (const client of wss.clients) for (const f of frames) client.send(f);
    },
    Math.min(1000, env.SANDBOX_PRICE_TICK_MS),
  );
  timer.unref();

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    ctx,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        for (const client of wss.clients) client.terminate();
        wss.close();
        if ("closeAllConnections" in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export { REALM };
