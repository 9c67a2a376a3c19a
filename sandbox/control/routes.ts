import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { SandboxApp, SandboxBindings, SandboxContext, SandboxCtx } from "../context.ts";
import { faultSchema } from "../http/faults.ts";
import { SPOT_SYMBOLS, FX_CODES } from "../domain/prices.ts";
import { seedPaidOrders } from "../domain/seed-orders.ts";
import { fail, int, laravelErrors, ok, readInput } from "../http/http.ts";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** Body of `PUT /__sandbox/config`. */
export const configPatch = z
  .object({
    pricefix_ttl: z.number().int().min(1).max(86_400),
    nonce_ttl: z.number().int().min(1).max(86_400),
    bearer_ttl: z.number().int().min(1).max(86_400),
    digest_algorithm: z.enum(["MD5", "SHA-256"]),
    walletable: z
      .object({
        charge_fee_rate: z.number().min(0).max(100),
        storage_fee_rate: z.number().min(0).max(100),
        vat_rate: z.number().min(0).max(100),
        storage_limit_grams: z.number().min(0),
        delivery_cost: z.number().min(0),
      })
      .partial()
      .strict(),
    shipping_fee: z.number().min(0),
    free_shipping_from: z.number().min(0),
    legal_version: z.string().min(1).max(40),
  })
  .partial()
  .strict();

function configJson(ctx: SandboxContext) {
  const cfg = ctx.config;
  return {
    pricefix_ttl: cfg.pricefixTtl,
    nonce_ttl: cfg.nonceTtl,
    bearer_ttl: cfg.bearerTtl,
    digest_algorithm: cfg.digestAlgorithm,
    walletable: {
      charge_fee_rate: cfg.walletable.chargeFeeRate,
      storage_fee_rate: cfg.walletable.storageFeeRate,
      vat_rate: cfg.walletable.vatRate,
      storage_limit_grams: cfg.walletable.storageLimitGrams,
      delivery_cost: cfg.walletable.deliveryCost,
    },
    shipping_fee: cfg.shippingFee,
    free_shipping_from: cfg.freeShippingFrom,
    legal_version: cfg.legalVersion,
    price_tick_ms: ctx.env.SANDBOX_PRICE_TICK_MS,
    seed: ctx.env.SANDBOX_SEED,
  };
}

/** Query of `GET /__sandbox/requests`. */
export const requestsQuery = z.object({
  method: z.string().max(10).optional(),
  path: z.string().max(500).optional(),
  status: int().optional(),
  auth: z.enum(["digest", "bearer", "none"]).optional(),
  since: int().optional(),
  limit: int().pipe(z.number().min(1).max(5000)).optional(),
});

/** Body of `POST /__sandbox/clock`: seconds to move the clock forward. */
export const clockAdvance = z
  .object({
    advance: z
      .number()
      .min(0)
      .max(10 * 365 * 86_400),
  })
  .strict();

/** Body of `PUT /__sandbox/prices`: TRY bid/ask per gram (metals) or per unit (currencies). */
export const pricePins = z.partialRecord(
  z.enum([...SPOT_SYMBOLS, ...FX_CODES]),
  z.object({ bid: z.number().positive(), ask: z.number().positive() }).strict(),
);

/** Body of `POST /__sandbox/customers/:id/orders`. */
export const seedOrdersBody = z
  .object({
    count: z.number().int().min(1).max(5000),
    spacing_s: z
      .number()
      .int()
      .min(1)
      .max(30 * 86_400)
      .default(12 * 3600),
  })
  .strict();

const ORDER_STATUS_NAMES = [
  "Created",
  "Pending",
  "Processing",
  "Cancelled",
  "Completed",
  "Preparing",
  "Packed",
  "Shipped",
  "Transferring",
  "Refunding",
  "Refunded",
  "Payment Confirmed",
] as const;

/** Body of `POST /__sandbox/orders/:code/status`. */
export const orderStatusBody = z.object({ status: z.enum(ORDER_STATUS_NAMES) }).strict();

/** `/__sandbox/*`: the control API for tests and demos. No auth; loopback only. */
export function registerControl(app: SandboxApp, ctx: SandboxContext): void {
  app.use(
    "/__sandbox/*",
    createMiddleware<SandboxBindings>(async (c, next) => {
      const remote = c.env.incoming.socket.remoteAddress ?? "";
      if (!LOOPBACK.has(remote))
        return fail(c, 403, "The sandbox control API answers loopback clients only.");
      return next();
    }),
  );

  const body = async (c: SandboxCtx) => {
    try {
      return (await c.req.json()) as unknown;
    } catch {
      return {};
    }
  };
  const bad = (c: SandboxCtx, error: z.ZodError) =>
    fail(c, 422, "Invalid control request.", laravelErrors(error, "en"));

  app.post("/__sandbox/reset", (c) => {
    ctx.reset();
    return ok(c, { reset: true, now: new Date(ctx.clock.now()).toISOString() });
  });

  app.get("/__sandbox/requests", async (c) => {
    const parsed = requestsQuery.safeParse(await readInput(c), { reportInput: true });
    if (!parsed.success) return bad(c, parsed.error);
    return ok(c, ctx.log.query(parsed.data));
  });
  app.delete("/__sandbox/requests", (c) => {
    ctx.log.clear();
    return ok(c, { cleared: true });
  });

  app.get("/__sandbox/faults", (c) => ok(c, ctx.faults.list()));
  app.post("/__sandbox/faults", async (c) => {
    const parsed = faultSchema.safeParse(await body(c), { reportInput: true });
    if (!parsed.success) return bad(c, parsed.error);
    return ok(c, ctx.faults.add(parsed.data), 201);
  });
  app.delete("/__sandbox/faults", (c) => {
    ctx.faults.remove();
    return ok(c, { cleared: true });
  });
  app.delete("/__sandbox/faults/:id", (c) => {
    const id = Number(c.req.param("id"));
    if (!Number.isInteger(id)) return fail(c, 404, "No such fault.");
    ctx.faults.remove(id);
    return ok(c, { removed: id });
  });

  app.post("/__sandbox/clock", async (c) => {
    const parsed = clockAdvance.safeParse(await body(c), { reportInput: true });
    if (!parsed.success) return bad(c, parsed.error);
    const now = ctx.clock.advance(parsed.data.advance);
    return ok(c, { now: new Date(now).toISOString() });
  });
  app.get("/__sandbox/clock", (c) => ok(c, { now: new Date(ctx.clock.now()).toISOString() }));

  app.get("/__sandbox/config", (c) => ok(c, configJson(ctx)));
  app.put("/__sandbox/config", async (c) => {
    const parsed = configPatch.safeParse(await body(c), { reportInput: true });
    if (!parsed.success) return bad(c, parsed.error);
    const p = parsed.data;
    const cfg = ctx.config;
    ctx.config = {
      ...cfg,
      pricefixTtl: p.pricefix_ttl ?? cfg.pricefixTtl,
      nonceTtl: p.nonce_ttl ?? cfg.nonceTtl,
      bearerTtl: p.bearer_ttl ?? cfg.bearerTtl,
      digestAlgorithm: p.digest_algorithm ?? cfg.digestAlgorithm,
      walletable: {
        chargeFeeRate: p.walletable?.charge_fee_rate ?? cfg.walletable.chargeFeeRate,
        storageFeeRate: p.walletable?.storage_fee_rate ?? cfg.walletable.storageFeeRate,
        vatRate: p.walletable?.vat_rate ?? cfg.walletable.vatRate,
        storageLimitGrams: p.walletable?.storage_limit_grams ?? cfg.walletable.storageLimitGrams,
        deliveryCost: p.walletable?.delivery_cost ?? cfg.walletable.deliveryCost,
      },
      shippingFee: p.shipping_fee ?? cfg.shippingFee,
      freeShippingFrom: p.free_shipping_from ?? cfg.freeShippingFrom,
      legalVersion: p.legal_version ?? cfg.legalVersion,
    };
    return ok(c, configJson(ctx));
  });

  // Pin a price (per-gram TRY bid/ask for GAU/GAG/GPT/GPD, or TRY per unit for USD/EUR/GBP/AED).
  app.put("/__sandbox/prices", async (c) => {
    const parsed = pricePins.safeParse(await body(c), { reportInput: true });
    if (!parsed.success) return bad(c, parsed.error);
    for (const [symbol, q] of Object.entries(parsed.data) as [
      (typeof SPOT_SYMBOLS)[number],
      { bid: number; ask: number },
    ][])
      ctx.prices.pin(symbol, q.bid, q.ask);
    return ok(c, { pinned: Object.keys(parsed.data) });
  });
  app.delete("/__sandbox/prices", (c) => {
    ctx.prices.unpinAll();
    return ok(c, { pinned: [] });
  });

  // Test-only: a long order history at once (seed-orders.ts), for look-up tests and the bench.
  app.post("/__sandbox/customers/:id/orders", async (c) => {
    const parsed = seedOrdersBody.safeParse(await body(c), { reportInput: true });
    if (!parsed.success) return bad(c, parsed.error);
    const customer = ctx.state.customers.get(c.req.param("id"));
    if (!customer) return fail(c, 404, "No such customer.");
    const orders = seedPaidOrders(ctx, customer, parsed.data.count, parsed.data.spacing_s * 1000);
    return ok(c, { customer: customer.external_id, codes: orders.map((o) => o.increment_id) }, 201);
  });

  // Force an order's status (Cancelled, Refunding, Refunded …) for order-history tests.
  app.post("/__sandbox/orders/:code/status", async (c) => {
    const parsed = orderStatusBody.safeParse(await body(c), { reportInput: true });
    if (!parsed.success) return bad(c, parsed.error);
    const code = c.req.param("code");
    const statusId = ORDER_STATUS_NAMES.indexOf(parsed.data.status) + 1;
    const at = ctx.clock.now();
    const ecom = [...ctx.state.ecomBaskets.values()].find(
      (b) =>
        b.stage === "order" &&
        (b.increment_id === code || b.token === code || b.guid === code || b.external_id === code),
    );
    const target =
      ecom ??
      [...ctx.state.walletBaskets.values()].find(
        (b) => b.stage === "order" && (b.increment_id === code || b.guid === code),
      ) ??
      ctx.state.partnerOrders.get(code);
    if (!target) return fail(c, 404, "No such order.");
    target.statuses.push({ status_id: statusId, at });
    return ok(c, { code, status_id: statusId, status_name: parsed.data.status });
  });
}
