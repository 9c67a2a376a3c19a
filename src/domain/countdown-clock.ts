import { useEffect, useState } from "react";
import { msToNextTick, type FixClock } from "./price-fix";

/**
 * After the countdown reaches zero, the re-quote waits this long: Minted rounds the seconds it
 * reports down, so its fix may hold for up to a second more, and a quote read too early would
 * be the old one again.
 */
export const REQUOTE_DELAY_MS = 1_500;

/**
 * The monotonic clock, ticking on the countdown's whole seconds while a quote is shown (also
 * the wallet's basket and digital quotes).
 */
export function useCountdownClock(timedQuote: FixClock | undefined): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!timedQuote) return;
    let id = 0;
    const tick = () => {
      const at = performance.now();
      setNow(at);
      id = window.setTimeout(tick, msToNextTick(timedQuote, at) + 5);
    };
    id = window.setTimeout(tick, 0);
    return () => window.clearTimeout(id);
  }, [timedQuote]);
  return now;
}
