import { currencySchema } from "../../contract/common.ts";
import type { Prices } from "../../contract/prices.ts";
import type { Logger, PriceHub } from "../deps.ts";
import type { ProxyEnv } from "../env.ts";
import { type UpstreamPrice } from "../../minted/schemas/prices.ts";
import type { Upstream } from "../upstream/types.ts";
import { METAL_SKUS } from "./metal-skus.ts";

export const PRICE_POLL_MS = 2000;

export interface PriceHubOptions {
  env: ProxyEnv;
  logger: Logger;
  upstream: Upstream;
  /** Poll interval and snapshot freshness, ms. */
  intervalMs?: number;
  now?: () => number;
}

/** The PriceHub with its snapshot typed (deps.ts keeps the interface opaque). */
export interface TypedPriceHub extends PriceHub {
  snapshot(): Promise<Prices>;
  subscribe(listener: (snapshot: Prices) => void): () => void;
}

function iso(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/** Upstream `prices` rows → the shop's snapshot. */
/** A price row the shop can show: it names its SKU and both prices. */
type Quoted = UpstreamPrice & { sku: string; bid: number; ask: number };
const isQuoted = (r: UpstreamPrice): r is Quoted =>
  typeof r.sku === "string" &&
  r.sku !== "" &&
  typeof r.bid === "number" &&
  typeof r.ask === "number";

export function pricesView(all: readonly UpstreamPrice[], readAt = Date.now()): Prices {
  const rows = all.filter(isQuoted);
  const metals = METAL_SKUS.flatMap(({ metal, sku }) => {
    const row = rows.find((r) => r.sku === sku);
    if (!row) return [];
    return [
      {
        metal,
        bid: row.bid,
        ask: row.ask,
        changePct: row.change_pct ?? null,
        updatedAt: row.updated_at ? iso(row.updated_at) : new Date(readAt).toISOString(),
      },
    ];
  });
  const currency = currencySchema.safeParse(rows[0]?.currency?.toUpperCase());
  const latest = rows.reduce((max, r) => Math.max(max, Date.parse(r.updated_at ?? "") || 0), 0);
  return {
    currency: currency.success ? currency.data : "TRY",
    updatedAt: new Date(latest || readAt).toISOString(),
    metals,
    products: rows.map((r) => ({ sku: r.sku, bid: r.bid, ask: r.ask })),
  };
}

/**
 * One upstream price source shared by every SSE client: a single poller of `prices` every
 * `intervalMs`, running only while someone is subscribed; `snapshot()` answers from the last
 * result when it is younger than the interval, else makes (or joins) one upstream call.
 * Subscribers hear only snapshots that differ from the previous one.
 */
export function createPriceHub(options: PriceHubOptions): TypedPriceHub {
  const { logger, upstream } = options;
  const intervalMs = options.intervalMs ?? PRICE_POLL_MS;
  const now = options.now ?? (() => Date.now());
  const listeners = new Set<(snapshot: Prices) => void>();
  let latest: { value: Prices; at: number; key: string } | null = null;
  let inflight: Promise<Prices> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let ticking = false;
  let closed = false;
  let polls = 0;
  let failing = false;

  const notify = (snapshot: Prices) => {
    for (const listener of [...listeners]) {
      try {
        listener(snapshot);
      } catch (err) {
        logger.warn("price listener failed", {
          err: err instanceof Error ? err.message : String(err),
        });
      }
    }
  };

  const fetchLatest = (): Promise<Prices> => {
    if (inflight) return inflight;
    polls++;
    inflight = (async () => {
      try {
        const rows = await upstream.call({ op: "prices" });
        const value = pricesView(rows, now());
        const key = JSON.stringify([value.metals, value.products]);
        const changed = latest?.key !== key;
        latest = { value, at: now(), key };
        if (failing) logger.info("price feed recovered");
        failing = false;
        if (changed) notify(value);
        return value;
      } finally {
        inflight = null;
      }
    })();
    return inflight;
  };

  const schedule = () => {
    if (closed || timer || ticking || listeners.size === 0) return;
    timer = setTimeout(() => void tick(), intervalMs);
    timer.unref();
  };

  const tick = async () => {
    timer = null;
    if (listeners.size === 0 || closed) return;
    ticking = true;
    try {
      // A snapshot() a moment ago already brought fresh prices.
      if (!latest || now() - latest.at >= intervalMs / 2) await fetchLatest();
    } catch (err) {
      if (!failing)
        logger.warn("price poll failed", { err: err instanceof Error ? err.message : String(err) });
      failing = true;
    } finally {
      ticking = false;
      schedule();
    }
  };

  return {
    snapshot() {
      if (latest && now() - latest.at < intervalMs) return Promise.resolve(latest.value);
      return fetchLatest();
    },
    subscribe(listener) {
      listeners.add(listener);
      schedule();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearTimeout(timer);
          timer = null;
        }
      };
    },
    stats: () => ({ subscribers: listeners.size, upstreamPolls: polls }),
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      listeners.clear();
      return Promise.resolve();
    },
  };
}
