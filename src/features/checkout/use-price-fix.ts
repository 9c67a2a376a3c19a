import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { REQUOTE_DELAY_MS, useCountdownClock } from "../../domain/countdown-clock";
import { setAcceptedQuote, useProgress } from "./checkout-session";
import { quoteQueryOptions } from "./checkout-queries";
import {
  acceptedFrom,
  decideQuote,
  secondsLeft,
  type QuoteDecision,
  type TimedQuote,
} from "../../domain/price-fix";

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
export function usePriceFix(
  basket: string,
  /** false: only show the quote and its countdown (the address step, before the fees are known). */
  { adopt = true }: { adopt?: boolean } = {},
): PriceFixState {
  const query = useQuery(quoteQueryOptions());
  const { refetch } = query;
  const timedQuote = query.data;
  const progress = useProgress();
  const now = useCountdownClock(timedQuote);
  const left = timedQuote ? secondsLeft(timedQuote, now) : 0;
  const decision = timedQuote ? decideQuote(timedQuote.quote, progress.accepted, basket) : null;

  useEffect(() => {
    if (adopt && decision === "adopt" && timedQuote)
      setAcceptedQuote(acceptedFrom(timedQuote.quote, basket));
  }, [adopt, decision, timedQuote, basket]);

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
