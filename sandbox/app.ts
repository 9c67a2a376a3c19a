import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { SandboxClock } from "./domain/clock.ts";
import {
  defaultConfig,
  type SandboxApp,
  type SandboxBindings,
  type SandboxConfig,
  type SandboxContext,
  type SandboxCtx,
} from "./context.ts";
import { DigestVerifier } from "./http/digest.ts";
import type { SandboxEnv } from "./env.ts";
import { FaultRegistry } from "./http/faults.ts";
import { bearerOnlyRoutes, sharedRoutes } from "./operations.ts";
import { fail, langOf, t } from "./http/http.ts";
import { PriceEngine } from "./domain/prices.ts";
import { RequestLog } from "./http/request-log.ts";
import { registerCatalog } from "./routes/catalog.ts";
import { registerControl } from "./control/routes.ts";
import { registerCustomers } from "./routes/customers.ts";
import { registerEcom } from "./routes/ecom.ts";
import { registerPartner } from "./routes/partner.ts";
import { registerPay } from "./routes/pay.ts";
import { registerWalletable } from "./routes/walletable.ts";
import { registerWebview } from "./routes/webview.ts";
import { seedState } from "./domain/seed.ts";
import { SandboxState } from "./domain/state.ts";

export const REALM = "Minted Connect";

const middleware = createMiddleware<SandboxBindings>;

/** Embedded Webview routes: Bearer only, or (Get Orders) Bearer as well as Digest. */
const BEARER_ONLY = bearerOnlyRoutes();
const BEARER_OR_DIGEST = sharedRoutes();

export function createSandboxContext(env: SandboxEnv, publicUrl: () => string): SandboxContext {
  const clock = new SandboxClock();
  let config: SandboxConfig = defaultConfig(env);
  const state = new SandboxState();
  const ctx: SandboxContext = {
    env,
    get config() {
      return config;
    },
    set config(next) {
      config = next;
    },
    clock,
    prices: new PriceEngine(env.SANDBOX_SEED, clock, () => env.SANDBOX_PRICE_TICK_MS),
    state,
    digest: new DigestVerifier(
      () => ({
        realm: REALM,
        username: env.SANDBOX_USERNAME,
        password: env.SANDBOX_PASSWORD,
        algorithm: config.digestAlgorithm,
        nonceTtlSeconds: config.nonceTtl,
      }),
      clock,
    ),
    log: new RequestLog(),
    faults: new FaultRegistry(),
    publicUrl,
    reset() {
      clock.reset();
      config = defaultConfig(env);
      ctx.state = new SandboxState();
      seedState(ctx.state, clock.now());
      ctx.prices.reset();
      ctx.digest.reset();
      ctx.faults.remove();
      ctx.log.clear();
    },
  };
  seedState(state, clock.now());
  return ctx;
}

function unauthorized(c: SandboxCtx, ctx: SandboxContext, stale: boolean): Response {
  c.header("WWW-Authenticate", ctx.digest.challenge(stale));
  return fail(c, 401, t(langOf(c), "Kimlik doğrulaması gerekli.", "Unauthenticated."));
}

/** The raw request-target as sent (path and query), which Digest signs. */
export function requestTarget(c: SandboxCtx): string {
  return c.env.incoming.url ?? new URL(c.req.url).pathname;
}

export function createSandboxApp(ctx: SandboxContext): SandboxApp {
  const app: SandboxApp = new Hono<SandboxBindings>();

  app.onError((err, c) => {
    console.error("[sandbox] unhandled error", err);
    return fail(c, 500, "Server Error");
  });
  app.notFound((c) => fail(c, 404, t(langOf(c), "Kaynak bulunamadı.", "Not Found.")));

  // Request log (everything but the control API itself).
  app.use(
    "*",
    middleware(async (c, next) => {
      const started = performance.now();
      c.set("auth", "none");
      c.set("bearerCustomer", null);
      await next();
      const url = new URL(c.req.url);
      if (url.pathname.startsWith("/__sandbox")) return;
      ctx.log.add({
        time: new Date(ctx.clock.now()).toISOString(),
        method: c.req.method,
        path: url.pathname,
        query: url.search,
        status: c.res.status,
        auth: c.get("auth"),
        duration_ms: Math.round((performance.now() - started) * 100) / 100,
      });
    }),
  );

  // Fault injection on upstream paths.
  app.use(
    "/partner/*",
    middleware(async (c, next) => {
      const fault = ctx.faults.match(c.req.method, new URL(c.req.url).pathname);
      if (!fault) return next();
      if (fault.after) await next();
      if (fault.latency_ms) await new Promise((r) => setTimeout(r, fault.latency_ms));
      // After the handler, the answer already in c.res is replaced (a middleware's return value
      // would be ignored once next() has run).
      if (fault.drop) {
        c.env.incoming.socket.destroy();
        c.res = new Response(null, { status: 499 });
        return c.res;
      }
      if (fault.status !== undefined) {
        const status = fault.status as ContentfulStatusCode;
        c.res = fail(c, status, fault.status >= 500 ? "Server Error" : "Injected fault");
        return c.res;
      }
      if (!fault.after) await next();
      if (fault.malformed) {
        const text = await c.res.clone().text();
        c.res = new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
          status: c.res.status,
          headers: { "content-type": "application/json" },
        });
      }
      return undefined;
    }),
  );

  // Authentication: Digest for the partner API, Bearer for the Embedded Webview rows.
  app.use(
    "/partner/*",
    middleware(async (c, next) => {
      const key = `${c.req.method} ${new URL(c.req.url).pathname}`;
      const header = c.req.header("authorization");
      const isBearer = header !== undefined && /^Bearer\s+/i.test(header);
      if (BEARER_ONLY.has(key) || (isBearer && BEARER_OR_DIGEST.has(key))) {
        const value = header?.replace(/^Bearer\s+/i, "").trim() ?? "";
        const bearer = ctx.state.bearerTokens.get(value);
        if (!isBearer || !bearer || bearer.expiresAt <= ctx.clock.now()) {
          c.header("WWW-Authenticate", `Bearer realm="${REALM}", error="invalid_token"`);
          return fail(
            c,
            401,
            t(langOf(c), "Geçersiz ya da süresi dolmuş jeton.", "Invalid or expired token."),
          );
        }
        c.set("auth", "bearer");
        c.set("bearerCustomer", bearer.customer);
        return next();
      }
      const result = ctx.digest.verify(header, c.req.method, requestTarget(c));
      if (!result.ok) return unauthorized(c, ctx, result.stale);
      c.set("auth", "digest");
      return next();
    }),
  );

  // Minted's common headers: x-client-id is required; api-version is 2 or 3.
  app.use(
    "/partner/*",
    middleware(async (c, next) => {
      const lang = langOf(c);
      const errors: Record<string, string[]> = {};
      const clientId = c.req.header("x-client-id");
      if (!clientId || clientId.length > 64)
        errors["x-client-id"] = [
          t(lang, "x-client-id başlığı gereklidir.", "The x-client-id header is required."),
        ];
      const version = c.req.header("api-version");
      if (version !== undefined && !/^\s*[23]\s*(,\s*[23]\s*)*$/.test(version))
        errors["api-version"] = [
          t(lang, "Desteklenmeyen api-version.", "Unsupported api-version."),
        ];
      const first = Object.values(errors)[0]?.[0];
      if (first) return fail(c, 422, first, errors);
      return next();
    }),
  );

  app.use(
    "/partner/*",
    bodyLimit({ maxSize: 1024 * 1024, onError: (c) => fail(c, 413, "Payload Too Large") }),
  );

  registerControl(app, ctx);
  registerCatalog(app, ctx);
  registerCustomers(app, ctx);
  registerEcom(app, ctx);
  registerWebview(app, ctx);
  registerPay(app, ctx);
  registerPartner(app, ctx);
  registerWalletable(app, ctx);
  return app;
}
