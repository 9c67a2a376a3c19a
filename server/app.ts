import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import type { ProxyEnv } from "./env.ts";
import { securityHeaders } from "./security-headers.ts";

export interface AppDeps {
  env: ProxyEnv;
}

const PROBLEM = "application/problem+json";

/**
 * The proxy: serves the built shop and the narrow `/api` the shop calls. Built from its
 * dependencies so tests run it in-process.
 */
export function createApp({ env }: AppDeps): Hono {
  const app = new Hono();
  app.use("*", securityHeaders(env.FRAME_ANCESTORS));

  app.get("/api/health", (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ status: "ok" });
  });

  app.all("/api/*", (c) =>
    c.body(
      JSON.stringify({ type: "about:blank", title: "Not Found", status: 404, code: "not_found" }),
      404,
      { "Content-Type": PROBLEM },
    ),
  );

  const dist = resolve(env.DIST_DIR);
  if (existsSync(join(dist, "index.html"))) {
    const indexHtml = readFile(join(dist, "index.html"), "utf8");
    // Hashed assets never change; everything else is revalidated so a deploy is seen at once.
    app.use("*", async (c, next) => {
      await next();
      if (c.req.method !== "GET" || !c.res.ok || c.req.path.startsWith("/api/")) return;
      const immutable = c.req.path.startsWith("/assets/");
      c.res.headers.set(
        "Cache-Control",
        immutable ? "public, max-age=31536000, immutable" : "no-cache",
      );
    });
    app.use("*", serveStatic({ root: env.DIST_DIR }));
    // SPA fallback: every other GET is a client-side route.
    app.get("*", async (c) => c.html(await indexHtml));
  }
  return app;
}
