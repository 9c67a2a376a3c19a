import type { SandboxClock } from "./clock.ts";
import { createRng, gaussian, hashSeed } from "./random.ts";
import { round2, round4 } from "./rounding.ts";

/** Per-gram spot symbols (Minted's digital SKUs) and the currencies the sandbox quotes. */
export const SPOT_SYMBOLS = ["GAU", "GAG", "GPT", "GPD"] as const;
export type SpotSymbol = (typeof SPOT_SYMBOLS)[number];
export const FX_CODES = ["USD", "EUR", "GBP", "AED"] as const;
export type FxCode = (typeof FX_CODES)[number];
export type Currency = "TRY" | FxCode;
export const CURRENCIES: readonly Currency[] = ["TRY", ...FX_CODES];

type Symbol = SpotSymbol | FxCode;

interface Instrument {
  /** Mid price in TRY (per gram for metals, per unit for currencies) at the seed. */
  base: number;
  /** Annualised volatility of the log price (gold ≈ 15 %). */
  annualVol: number;
  /** Bid/ask spread as a fraction of mid. */
  spread: number;
  decimals: number;
}

const INSTRUMENTS: Record<Symbol, Instrument> = {
  GAU: { base: 4285.4, annualVol: 0.15, spread: 0.008, decimals: 2 },
  GAG: { base: 53.1, annualVol: 0.25, spread: 0.02, decimals: 4 },
  GPT: { base: 1672.0, annualVol: 0.22, spread: 0.015, decimals: 2 },
  GPD: { base: 1460.0, annualVol: 0.3, spread: 0.02, decimals: 2 },
  USD: { base: 41.85, annualVol: 0.08, spread: 0.002, decimals: 4 },
  EUR: { base: 48.4, annualVol: 0.09, spread: 0.002, decimals: 4 },
  GBP: { base: 55.1, annualVol: 0.1, spread: 0.002, decimals: 4 },
  AED: { base: 11.4, annualVol: 0.08, spread: 0.002, decimals: 4 },
};

export const METAL_OF: Record<SpotSymbol, "gold" | "silver" | "platinum" | "palladium"> = {
  GAU: "gold",
  GAG: "silver",
  GPT: "platinum",
  GPD: "palladium",
};

export interface Quote {
  symbol: Symbol;
  bid: number;
  ask: number;
  mid: number;
  /** Change of mid against the previous close, in percent (2 decimals). */
  change_pct: number;
  /** Sandbox-clock milliseconds of the last tick. */
  updatedAt: number;
}

export interface Candle {
  t: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

export type Period = "1d" | "1w" | "1m" | "1y";
const PERIODS: Record<Period, { points: number; stepMs: number }> = {
  "1d": { points: 96, stepMs: 15 * 60_000 },
  "1w": { points: 168, stepMs: 3600_000 },
  "1m": { points: 120, stepMs: 6 * 3600_000 },
  "1y": { points: 365, stepMs: 86_400_000 },
};

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;

/** Standard deviation of the log return over `ms` for an instrument. */
function sigmaOver(inst: Instrument, ms: number): number {
  return inst.annualVol * Math.sqrt(ms / YEAR_MS);
}
const MAX_EXACT_STEPS = 20_000;

/**
 * A seeded random walk per instrument, advanced lazily to the sandbox clock's current tick, so
 * that the same seed and the same clock give the same prices. The previous close is the mid at
 * the start of each sandbox day (relative to the walk's origin).
 */
export class PriceEngine {
  #rng: () => number;
  #origin: number;
  #tick = 0;
  #mid = new Map<Symbol, number>();
  #prevClose = new Map<Symbol, number>();
  #pinned = new Map<Symbol, { bid: number; ask: number }>();

  constructor(
    private readonly seed: number,
    private readonly clock: SandboxClock,
    private readonly tickMs: () => number,
  ) {
    this.#rng = createRng(seed);
    this.#origin = clock.now();
    this.reset();
  }

  reset(): void {
    this.#rng = createRng(this.seed);
    this.#origin = this.clock.now();
    this.#tick = 0;
    this.#pinned.clear();
    for (const [symbol, inst] of Object.entries(INSTRUMENTS) as [Symbol, Instrument][]) {
      this.#mid.set(symbol, inst.base);
      this.#prevClose.set(symbol, inst.base);
    }
  }

  /** Current tick index on the sandbox clock. */
  tickIndex(): number {
    return Math.floor((this.clock.now() - this.#origin) / this.tickMs());
  }

  #advance(): void {
    const target = this.tickIndex();
    if (target <= this.#tick) return;
    const ticksPerDay = Math.max(1, Math.round(DAY_MS / this.tickMs()));
    const steps = target - this.#tick;
    if (steps > MAX_EXACT_STEPS) {
      // A large clock jump: one aggregated step with the same distribution of the sum.
      const scale = Math.sqrt(steps);
      for (const [symbol, inst] of Object.entries(INSTRUMENTS) as [Symbol, Instrument][]) {
        const mid = this.#mid.get(symbol) ?? inst.base;
        this.#mid.set(
          symbol,
          mid * Math.exp(sigmaOver(inst, this.tickMs()) * scale * gaussian(this.#rng)),
        );
        this.#prevClose.set(symbol, mid);
      }
      this.#tick = target;
      return;
    }
    for (let k = this.#tick + 1; k <= target; k++) {
      const newDay = k % ticksPerDay === 0;
      for (const [symbol, inst] of Object.entries(INSTRUMENTS) as [Symbol, Instrument][]) {
        const mid = this.#mid.get(symbol) ?? inst.base;
        if (newDay) this.#prevClose.set(symbol, mid);
        // A gentle pull back to the base keeps long sandbox runs within a believable range.
        const pull = -0.0005 * Math.log(mid / inst.base);
        this.#mid.set(
          symbol,
          mid * Math.exp(pull + sigmaOver(inst, this.tickMs()) * gaussian(this.#rng)),
        );
      }
    }
    this.#tick = target;
  }

  quote(symbol: Symbol): Quote {
    this.#advance();
    const inst = INSTRUMENTS[symbol];
    const updatedAt = this.#origin + this.#tick * this.tickMs();
    const pinned = this.#pinned.get(symbol);
    if (pinned) {
      const mid = (pinned.bid + pinned.ask) / 2;
      const prev = this.#prevClose.get(symbol) ?? inst.base;
      return { symbol, ...pinned, mid, change_pct: round2(((mid - prev) / prev) * 100), updatedAt };
    }
    const mid = this.#mid.get(symbol) ?? inst.base;
    const prev = this.#prevClose.get(symbol) ?? inst.base;
    const f = 10 ** inst.decimals;
    return {
      symbol,
      bid: Math.round(mid * (1 - inst.spread / 2) * f) / f,
      ask: Math.round(mid * (1 + inst.spread / 2) * f) / f,
      mid: Math.round(mid * f) / f,
      change_pct: round2(((mid - prev) / prev) * 100),
      updatedAt,
    };
  }

  /** TRY per one unit of `currency` (1 for TRY). */
  rate(currency: Currency): number {
    return currency === "TRY" ? 1 : this.quote(currency).mid;
  }

  /** Convert a TRY amount to `currency`. */
  fromTry(amountTry: number, currency: Currency, decimals = 2): number {
    const f = 10 ** decimals;
    return Math.round((amountTry / this.rate(currency)) * f) / f;
  }

  /** Freeze an instrument at a bid/ask (control API, for exact-cent tests). */
  pin(symbol: Symbol, bid: number, ask: number): void {
    this.#pinned.set(symbol, { bid, ask });
  }

  unpinAll(): void {
    this.#pinned.clear();
  }

  /** OHLC candles ending at the current price, deterministic for (seed, symbol, period, step). */
  history(symbol: Symbol, period: Period): Candle[] {
    const { points, stepMs } = PERIODS[period];
    const inst = INSTRUMENTS[symbol];
    const now = this.clock.now();
    const step = Math.floor(now / stepMs);
    const rng = createRng(hashSeed(this.seed, symbol, period, step));
    const sigma = sigmaOver(inst, stepMs);
    const closes: number[] = new Array<number>(points);
    closes[points - 1] = this.quote(symbol).mid;
    for (let i = points - 1; i > 0; i--)
      closes[i - 1] = (closes[i] ?? inst.base) / Math.exp(sigma * gaussian(rng));
    const candles: Candle[] = [];
    for (let i = 0; i < points; i++) {
      const close = closes[i] ?? inst.base;
      const open = i === 0 ? close / Math.exp(sigma * gaussian(rng)) : (closes[i - 1] ?? close);
      const wick = Math.abs(gaussian(rng)) * sigma * 0.5;
      const fix = inst.decimals === 4 ? round4 : round2;
      candles.push({
        t: Math.floor(((step - (points - 1 - i)) * stepMs) / 1000),
        open: fix(open),
        high: fix(Math.max(open, close) * (1 + wick)),
        low: fix(Math.min(open, close) * (1 - wick)),
        close: fix(close),
      });
    }
    return candles;
  }
}
