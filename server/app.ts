import { Hono } from "hono";
import { apiOperations } from "../contract/api/index.ts";
import { bodyLimit } from "hono/body-limit";
import { contextStorage } from "hono/context-storage";
import { addressRoutes } from "./api/addresses.ts";
import { basketRoutes } from "./api/basket.ts";
import { incompleteBasketRoutes } from "./api/basket-incomplete.ts";
import { catalogRoutes } from "./api/catalog.ts";
import { checkoutRoutes } from "./api/checkout.ts";
import { consentRoutes } from "./api/consent.ts";
import { digitalRoutes } from "./api/digital.ts";
import { embedRoutes } from "./api/embed.ts";
import { guestIdentityRoutes } from "./api/guest-identity.ts";
import { invoiceFileRoutes } from "./api/invoice-files.ts";
import { orderRoutes } from "./api/orders.ts";
import { priceRoutes } from "./api/prices.ts";
import { openApiDocument, registerRoutes, type RouteSpec } from "./api/registry.ts";
import { walletRoutes } from "./api/wallet.ts";
import type { AppDeps, AppEnv } from "./deps.ts";
import { healthRoutes } from "./http/health.ts";
import { originGuard } from "./http/origin-guard.ts";
import { rateLimit } from "./http/rate-limit.ts";
import { requestContext } from "./http/request-context.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { staticFiles } from "./http/static.ts";
import { ApiError, problemResponse } from "./problem.ts";
import { devHostRoutes } from "./session/dev-host.ts";
import { devLaunchRoutes } from "./session/dev-launch.ts";
import { sessionMiddleware } from "./session/middleware.ts";
import { sessionRoutes } from "./session/routes.ts";
import { StoreUnavailableError } from "./store/store-error.ts";
import { UpstreamError } from "./upstream/types.ts";
import { toApiError } from "./upstream/errors.ts";

/** Every operation of the proxy API, in the order OpenAPI lists them. */
export function apiRoutes(deps: AppDeps): RouteSpec[] {
  return [
    ...sessionRoutes(deps),
    ...embedRoutes(deps),
    ...catalogRoutes(deps),
    ...priceRoutes(deps),
    ...basketRoutes(deps),
    ...incompleteBasketRoutes(deps),
    ...guestIdentityRoutes(deps),
    ...addressRoutes(deps),
    ...checkoutRoutes(deps),
    ...consentRoutes(deps),
    ...orderRoutes(deps),
    ...invoiceFileRoutes(deps),
    ...walletRoutes(deps),
    ...digitalRoutes(deps),
  ];
}

/**
 * The proxy: the shop's narrow API under /api, sessions, security headers, and (in production)
 * the built shop. Built from its dependencies so that tests run it in-process with an injected
 * upstream `fetch`.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const routes = apiRoutes(deps);
  const openApi = openApiDocument(apiOperations, { title: "Minted Shop proxy API", version: "1" });

  app.onError((err, c) => {
    if (err instanceof ApiError) return problemResponse(c, err);
    if (err instanceof UpstreamError) return problemResponse(c, toApiError(err));
    if (err instanceof StoreUnavailableError) {
      // Fail closed: nothing that needs the store (launch, completion, session) goes ahead.
      c.get("logger").error("store unavailable", { err: err.message });
      return problemResponse(c, new ApiError("store_unavailable"));
    }
    c.get("logger").error("unhandled error", {
      err: err instanceof Error ? err.message : String(err),
    });
    return problemResponse(c, new ApiError("internal"));
  });
  app.notFound((c) =>
    c.req.path.startsWith("/api/")
      ? problemResponse(c, new ApiError("not_found"))
      : c.text("Not Found", 404),
  );

  app.use("*", contextStorage());
  app.use("*", requestContext(deps));
  app.use("*", securityHeaders(deps.env));
  app.route("/", healthRoutes(deps));
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: 64 * 1024,
      onError: () => Promise.reject(new ApiError("payload_too_large")),
    }),
  );
  app.use("/api/*", originGuard(deps));
  app.use("/api/*", sessionMiddleware(deps));
  app.use("/api/*", rateLimit(deps));

  app.get("/api/openapi.json", (c) => c.json(openApi));
  registerRoutes(app, deps, routes, apiOperations);
  if (deps.env.sandboxMode) app.route("/", devLaunchRoutes(deps));
  if (deps.env.sandboxMode) app.route("/", devHostRoutes(deps));
  app.route("/", staticFiles(deps.env));
  return app;
}
