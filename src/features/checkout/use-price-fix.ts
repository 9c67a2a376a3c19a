import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { setAcceptedQuote, useProgress } from "./checkout-session";
import { quoteQueryOptions } from "./checkout-queries";
import {
  acceptedFrom,
  decideQuote,
  msToNextTick,
  type FixClock,
  secondsLeft,
  type QuoteDecision,
  type TimedQuote,
} from "./price-fix";

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

export interface PriceFixState {
  timedQuote: TimedQuote | undefined;
  /** Seconds the shown price still holds (0: expired, a new quote is on its way). */
  left: number;
  decision: QuoteDecision | null;
  /** The total the customer accepted before this quote (shown beside a changed price). */
  previousTotal: number | null;
  /** A confirmed quote that is still valid: the only state in which paying is possible. */
  payable: boolean;
  confirm: () => void;
  isError: boolean;
  isFetching: boolean;
  retry: () => void;
}

/**
 * The quote on screen, its countdown, and the customer's acceptance of it. When the fix runs
 * out the quote is read again; a new total must be confirmed before paying (`decision` is
 * `confirm`), an unchanged one is taken over without asking.
 */
export function usePriceFix(basket: string): PriceFixState {
  const query = useQuery(quoteQueryOptions());
  const { refetch } = query;
  const timedQuote = query.data;
  const progress = useProgress();
  const now = useCountdownClock(timedQuote);
  const left = timedQuote ? secondsLeft(timedQuote, now) : 0;
  const decision = timedQuote ? decideQuote(timedQuote.quote, progress.accepted, basket) : null;

  useEffect(() => {
    if (decision === "adopt" && timedQuote)
      setAcceptedQuote(acceptedFrom(timedQuote.quote, basket));
  }, [decision, timedQuote, basket]);

  const expired = timedQuote !== undefined && left === 0;
  const fetching = query.isFetching;
  useEffect(() => {
    if (!expired || fetching) return;
    const id = window.setTimeout(() => void refetch(), REQUOTE_DELAY_MS);
    return () => window.clearTimeout(id);
  }, [expired, fetching, refetch, timedQuote]);

  return {
    timedQuote,
    left,
    decision,
    previousTotal: decision === "confirm" ? (progress.accepted?.total ?? null) : null,
    payable: decision === "accepted" && left > 0,
    confirm: () => {
      if (timedQuote) setAcceptedQuote(acceptedFrom(timedQuote.quote, basket));
    },
    isError: query.isError && !timedQuote,
    isFetching: fetching,
    retry: () => void refetch(),
  };
}
