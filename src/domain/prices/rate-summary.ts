import type { Candle } from "../../../contract/prices";
import { roundHalfAwayFromZero as round } from "../../../contract/money";

export interface RateSummary {
  /** Highest high and lowest low of the period. */
  high: number;
  low: number;
  /** Opening price of the first candle and closing price of the last. */
  open: number;
  close: number;
  /** close − open, rounded to cents. */
  change: number;
  /** The change in percent of the opening price (0 when it opened at 0), 2 decimals. */
  changePct: number;
}

/** High, low and change over a period's candles (in time order), or null with no candles. */
export function summarizeCandles(candles: readonly Candle[]): RateSummary | null {
  const first = candles[0];
  const last = candles[candles.length - 1];
  if (!first || !last) return null;
  let high = -Infinity;
  let low = Infinity;
  for (const candle of candles) {
    if (candle.high > high) high = candle.high;
    if (candle.low < low) low = candle.low;
  }
  const change = last.close - first.open;
  return {
    high,
    low,
    open: first.open,
    close: last.close,
    change: round(change, 2),
    changePct: first.open === 0 ? 0 : round((change / first.open) * 100, 2),
  };
}
