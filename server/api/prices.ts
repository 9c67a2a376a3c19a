import * as ops from "../../contract/api/prices.ts";
import { streamSSE } from "hono/streaming";
import { currencySchema, type Metal } from "../../contract/common.ts";
import { pricesSchema, type CurrencyRates, type RateHistory } from "../../contract/prices.ts";
import { createSwrCache } from "../cache/swr-cache.ts";
import type { AppDeps } from "../deps.ts";
import { handle, type RouteSpec } from "./registry.ts";

export const SSE_HEARTBEAT_MS = 15_000;
export const SSE_RETRY_MS = 3000;

const SYMBOL_METAL: Record<RateHistory["symbol"], Metal> = {
  GAU: "gold",
  GAG: "silver",
  GPT: "platinum",
};

function isoOf(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/** Live prices (JSON and SSE), currency rates and rate history. */
export function priceRoutes(deps: AppDeps): RouteSpec[] {
  const cacheOptions = { ttlMs: 10_000, staleMs: 60_000, now: () => deps.now() };
  const rates = createSwrCache<CurrencyRates>(cacheOptions);
  const history = createSwrCache<RateHistory>({ ...cacheOptions, ttlMs: 30_000, maxEntries: 50 });

  return [
    handle(ops.getPrices, {
      handler: async () => pricesSchema.parse(await deps.prices.snapshot()),
    }),
    handle(ops.streamPrices, {
      handler: ({ c }) => {
        const logger = c.get("logger");
        c.header("X-Accel-Buffering", "no");
        return Promise.resolve(
          streamSSE(
            c,
            async (stream) => {
              const closed = new Promise<void>((resolve) => stream.onAbort(resolve));
              const first = await deps.prices.snapshot();
              const send = (snapshot: unknown) => {
                if (stream.aborted || stream.closed) return;
                stream
                  .writeSSE({ event: "prices", data: JSON.stringify(snapshot) })
                  .catch(() => undefined);
              };
              // Subscribed before the first frame is written: no change can fall in between.
              const unsubscribe = deps.prices.subscribe(send);
              const heartbeat = setInterval(() => {
                if (!stream.aborted && !stream.closed)
                  stream.write(": heartbeat\n\n").catch(() => undefined);
              }, SSE_HEARTBEAT_MS);
              heartbeat.unref();
              try {
                await stream.writeSSE({
                  event: "prices",
                  data: JSON.stringify(first),
                  retry: SSE_RETRY_MS,
                });
                await closed;
              } finally {
                clearInterval(heartbeat);
                unsubscribe();
              }
            },
            (err) => {
              logger.warn("price stream ended", { err: err.message });
              return Promise.resolve();
            },
          ),
        );
      },
    }),
    handle(ops.getCurrencyRates, {
      handler: () =>
        rates.get("rates", async () => {
          const rows = await deps.upstream.call({
            op: "currencyRates",
          });
          return {
            base: "TRY",
            rates: rows.flatMap((r) => {
              const currency = currencySchema.safeParse(r.code?.toUpperCase());
              const readAt = new Date(deps.now()).toISOString();
              return currency.success && typeof r.rate === "number"
                ? [
                    {
                      currency: currency.data,
                      rate: r.rate,
                      updatedAt: r.updated_at ? isoOf(r.updated_at) : readAt,
                    },
                  ]
                : [];
            }),
          };
        }),
    }),
    handle(ops.getRateHistory, {
      handler: ({ query }) =>
        history.get(`${query.symbol}:${query.period}`, async () => {
          const candles = await deps.upstream.call({
            op: "rateHistory",
            query: { sku: query.symbol, period: query.period },
          });
          return {
            symbol: query.symbol,
            metal: SYMBOL_METAL[query.symbol],
            period: query.period,
            currency: "TRY",
            candles: candles.flatMap(({ t, open, high, low, close }) =>
              typeof t === "number" &&
              typeof open === "number" &&
              typeof high === "number" &&
              typeof low === "number" &&
              typeof close === "number"
                ? [{ time: new Date(t * 1000).toISOString(), open, high, low, close }]
                : [],
            ),
          };
        }),
    }),
  ];
}
