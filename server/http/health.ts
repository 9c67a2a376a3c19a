import { Hono, type Context } from "hono";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, problemResponse } from "../problem.ts";

/** How long a successful upstream probe counts as "upstream answered". */
const UPSTREAM_FRESH_MS = 30_000;

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${String(ms)} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GET /healthz — liveness: the process answers. GET /readyz — readiness: the store answers and
 * upstream answered within the last 30 s (else one cheap `categories` call now, shared by
 * concurrent probes). GET /api/health — alias of /healthz (Playwright waits on it).
 */
export function healthRoutes(deps: Pick<AppDeps, "store" | "upstream" | "now">): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let upstreamOkAt = Number.NEGATIVE_INFINITY;
  let probe: Promise<boolean> | null = null;

  const upstreamReady = (): Promise<boolean> => {
    if (deps.now() - upstreamOkAt < UPSTREAM_FRESH_MS) return Promise.resolve(true);
    probe ??= deps.upstream
      .call({ op: "categories", signal: AbortSignal.timeout(3000) })
      .then(
        () => {
          upstreamOkAt = deps.now();
          return true;
        },
        () => false,
      )
      .finally(() => {
        probe = null;
      });
    return probe;
  };
  const storeReady = () =>
    withTimeout(deps.store.get("readyz"), 1000).then(
      () => true,
      () => false,
    );

  const live = (c: Context<AppEnv>) => {
    c.header("Cache-Control", "no-store");
    return c.json({ status: "ok" });
  };
  app.get("/healthz", live);
  app.get("/api/health", live);
  app.get("/readyz", async (c) => {
    c.header("Cache-Control", "no-store");
    const [store, upstream] = await Promise.all([storeReady(), upstreamReady()]);
    if (store && upstream) return c.json({ status: "ready", checks: { store, upstream } });
    c.get("logger").warn("not ready", { store, upstream });
    return problemResponse(
      c,
      new ApiError("upstream_unavailable", {
        detail: { tr: "Hizmet hazır değil.", en: "The service is not ready." },
        extra: { checks: { store, upstream } },
      }),
    );
  });
  return app;
}
