import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type RefObject } from "react";
import {
  digitalQuoteSchema,
  type DigitalOrder,
  type DigitalQuote,
  type DigitalQuoteBody,
} from "../../../contract/digital";
import { ApiProblem } from "../../lib/api";
import { secondsLeft } from "../../domain/price-fix";
import { REQUOTE_DELAY_MS, useCountdownClock } from "../../domain/countdown-clock";
import {
  decideDigitalQuote,
  orderBodyFor,
  timedDigitalQuote,
  type TimedDigitalQuote,
} from "./digital-quote";
import { attemptKey } from "./wallet-attempt";
import { createDigitalOrder, createDigitalQuote, walletKeys } from "./wallet-queries";

/**
 * One trade: the quote asked for (asked again when its fix runs out, a changed price waiting for
 * a confirm), and the order placed once with one Idempotency-Key per quote.
 */
export function useDigitalTrade(quoteHeading: RefObject<HTMLHeadingElement | null>) {
  const queryClient = useQueryClient();

  const [request, setRequest] = useState<DigitalQuoteBody | null>(null);
  const [timed, setTimed] = useState<TimedDigitalQuote | null>(null);
  const [accepted, setAccepted] = useState<DigitalQuote | null>(null);
  const [order, setOrder] = useState<DigitalOrder | null>(null);
  /** When the order was answered (ms): wallet figures older than this are the old balance. */
  const [placedAt, setPlacedAt] = useState(0);

  const now = useCountdownClock(timed ?? undefined);
  const left = timed ? secondsLeft(timed, now) : 0;
  const quote = timed?.digital ?? null;
  const decision = quote ? decideDigitalQuote(quote, accepted) : null;

  const show = (next: DigitalQuote) => {
    setTimed(timedDigitalQuote(next, performance.now()));
  };

  // A price the customer needs not confirm becomes the accepted one (state adjusted in render).
  if (decision === "adopt" && quote && quote.quoteId !== accepted?.quoteId) setAccepted(quote);

  const quoting = useMutation({
    mutationFn: createDigitalQuote,
    onSuccess: (next) => show(next),
  });

  const ordering = useMutation({
    mutationFn: ({ body, key }: { body: ReturnType<typeof orderBodyFor>; key: string }) =>
      createDigitalOrder(body, key),
    onSuccess: (placed) => {
      setOrder(placed);
      setPlacedAt(Date.now());
      void queryClient.invalidateQueries({ queryKey: walletKeys.all });
    },
    onError: (error) => {
      if (!(error instanceof ApiProblem) || error.code !== "price_expired") return;
      const next = digitalQuoteSchema.safeParse(error.body.quote);
      if (next.success) show(next.data);
    },
  });

  // The fix ran out: ask again with the same request (a changed price waits for a confirm).
  const expired = timed !== null && left === 0;
  const { mutate: requote, isPending: requoting } = quoting;
  useEffect(() => {
    if (!expired || requoting || !request || order) return;
    const id = window.setTimeout(() => requote(request), REQUOTE_DELAY_MS);
    return () => window.clearTimeout(id);
  }, [expired, requoting, request, requote, order, timed]);

  useEffect(() => {
    if (quote && accepted === null) quoteHeading.current?.focus({ preventScroll: false });
  }, [quote, accepted, quoteHeading]);

  const reset = () => {
    setRequest(null);
    setTimed(null);
    setAccepted(null);
    setOrder(null);
    quoting.reset();
    ordering.reset();
  };

  const requestQuote = (body: DigitalQuoteBody) => {
    setRequest(body);
    setAccepted(null);
    setTimed(null);
    setOrder(null);
    ordering.reset();
    quoting.mutate(body);
  };

  const confirmOrder = () => {
    if (!quote || !request || decision !== "accepted" || left === 0 || ordering.isPending) return;
    ordering.mutate({
      body: orderBodyFor(request, quote),
      key: attemptKey(`digital:${quote.side}`, quote.quoteId),
    });
  };

  return {
    quote,
    accepted,
    setAccepted,
    order,
    placedAt,
    left,
    decision,
    quoting,
    ordering,
    reset,
    requestQuote,
    confirmOrder,
  };
}
