import { useLingui } from "@lingui/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { useSearchParams } from "react-router";
import { metalSchema, type Metal } from "../../../contract/common";
import {
  digitalQuoteBodySchema,
  digitalQuoteSchema,
  digitalSideSchema,
  type DigitalOrder,
  type DigitalQuote,
  type DigitalQuoteBody,
  type DigitalSide,
} from "../../../contract/digital";
import { issueMessage } from "../../../contract/issue-messages";
import { BackLink } from "../../components/back-link";
import { Button, ButtonLink } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { CheckIcon } from "../../components/action-icons";
import { PageHeader } from "../../components/page-header";
import { formatMoney, formatNumber } from "../../i18n/format";
import { ApiProblem } from "../../lib/api";
import { secondsLeft } from "../../domain/price-fix";
import { REQUOTE_DELAY_MS, useCountdownClock } from "../../domain/countdown-clock";
import { metalLabel } from "../catalog";
import { RateChart } from "../../domain/prices/rate-chart";
import {
  decideDigitalQuote,
  orderBodyFor,
  parseDecimal,
  timedDigitalQuote,
  type TimedDigitalQuote,
} from "./digital-quote";
import { attemptKey } from "./wallet-attempt";
import { WalletCountdown } from "./wallet-countdown";
import { SignedOutWallet } from "./wallet-guest";
import { createDigitalOrder, createDigitalQuote, walletKeys } from "./wallet-queries";

type Mode = "grams" | "amount";

interface TradeForm {
  metal: Metal;
  side: DigitalSide;
  mode: Mode;
  value: string;
}

const fieldClass =
  "mt-1.5 block min-h-12 w-full rounded-control border bg-surface-raised px-3.5 text-base text-text placeholder:text-text-muted focus:border-primary focus:outline-2 focus:outline-offset-0 focus:outline-primary";

/**
 * The form's text as the contract's quote request, checked by the contract's own schema and
 * worded in the shop's language (as the address form does).
 */
function useTradeResolver(): Resolver<TradeForm, unknown, DigitalQuoteBody> {
  const { _, i18n } = useLingui();
  const lang = i18n.locale === "en" ? "en" : "tr";
  return (values) => {
    const number = parseDecimal(values.value, values.mode === "amount");
    const fail = (message: string) => ({
      values: {},
      errors: { value: { type: "validate", message } },
    });
    if (number === undefined)
      return fail(
        values.mode === "grams"
          ? _("wallet.trade.gramsRequired")
          : _("wallet.trade.amountRequired"),
      );
    if (Number.isNaN(number)) return fail(_("wallet.trade.notNumber"));
    const body = {
      metal: values.metal,
      side: values.side,
      currency: "TRY" as const,
      ...(values.mode === "grams" ? { grams: number } : { amount: number }),
    };
    const parsed = digitalQuoteBodySchema.safeParse(body, {
      error: (issue) => issueMessage(issue, lang),
    });
    if (parsed.success) return { values: parsed.data, errors: {} };
    const issue = parsed.error.issues[0];
    if (issue?.code === "too_small") return fail(_("wallet.trade.tooSmall"));
    return fail(issue?.message ?? _("wallet.trade.notNumber"));
  };
}

function Choice<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="text-sm font-medium text-text-muted">{legend}</legend>
      <div className="mt-1.5 flex flex-wrap gap-2">
        {options.map((option) => {
          const checked = option.value === value;
          return (
            <label
              key={option.value}
              className={cn(
                "relative inline-flex min-h-12 flex-1 cursor-pointer items-center justify-center gap-2 rounded-control border px-3 text-sm font-semibold whitespace-nowrap has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-primary",
                checked
                  ? "border-primary bg-primary-soft text-primary"
                  : "border-border bg-surface-raised text-text hover:border-border-strong",
              )}
            >
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={checked}
                onChange={() => onChange(option.value)}
                className="absolute inset-0 cursor-pointer appearance-none rounded-control outline-none"
              />
              {checked ? <CheckIcon aria-hidden="true" className="size-4" /> : null}
              {option.label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

function useMoney() {
  const { i18n } = useLingui();
  return (amount: number) => formatMoney(amount, "TRY", i18n.locale);
}

function useGrams() {
  const { _, i18n } = useLingui();
  return (grams: number) => _("wallet.grams", { grams: formatNumber(grams, i18n.locale, 4) });
}

function QuoteFacts({ quote }: { quote: DigitalQuote }) {
  const { _ } = useLingui();
  const money = useMoney();
  const grams = useGrams();
  const rows: [string, string][] = [
    [_("wallet.trade.quantity"), grams(quote.grams)],
    [_("wallet.trade.unitPrice"), _("wallet.trade.perGram", { price: money(quote.unitPrice) })],
    [
      quote.side === "buy" ? _("wallet.trade.youPay") : _("wallet.trade.youGet"),
      money(quote.amount),
    ],
    [_("wallet.chargedCurrency"), _("wallet.currency.try")],
  ];
  return (
    <dl className="space-y-2">
      {rows.map(([label, value], index) => (
        <div
          key={label}
          className={cn(
            "flex items-baseline justify-between gap-4",
            index === 2 ? "text-lg font-semibold text-text" : "text-text-muted",
          )}
        >
          <dt>{label}</dt>
          <dd className="text-right price text-text">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function TradeResult({ order, onAgain }: { order: DigitalOrder; onAgain: () => void }) {
  const { _, i18n } = useLingui();
  const money = useMoney();
  const grams = useGrams();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const metal = _(metalLabel[order.metal]);
  return (
    <section
      aria-labelledby="trade-result"
      className="rounded-card border-2 border-success bg-surface-raised p-5 shadow-card"
    >
      <h2
        id="trade-result"
        ref={heading}
        tabIndex={-1}
        className="text-lg font-semibold text-text outline-none"
      >
        {order.side === "buy"
          ? _("wallet.trade.bought", { grams: grams(order.grams), metal })
          : _("wallet.trade.sold", { grams: grams(order.grams), metal })}
      </h2>
      <dl className="mt-4 space-y-2 text-text-muted">
        <div className="flex justify-between gap-4">
          <dt>{_("wallet.trade.orderCode")}</dt>
          <dd className="price break-all text-text">{order.orderCode}</dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt>{order.side === "buy" ? _("wallet.trade.paid") : _("wallet.trade.received")}</dt>
          <dd className="price text-text">{money(order.amount)}</dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt>{_("wallet.trade.unitPrice")}</dt>
          <dd className="price text-text">
            {_("wallet.trade.perGram", {
              price: formatMoney(order.unitPrice, order.currency, i18n.locale),
            })}
          </dd>
        </div>
      </dl>
      <div className="mt-5 flex flex-col gap-2">
        <ButtonLink to={`/orders/${encodeURIComponent(order.orderCode)}/invoice`}>
          {_("wallet.trade.invoice")}
        </ButtonLink>
        <ButtonLink to="/wallet" variant="secondary">
          {_("wallet.trade.toWallet")}
        </ButtonLink>
        <Button variant="quiet" onClick={onAgain}>
          {_("wallet.trade.again")}
        </Button>
      </div>
    </section>
  );
}

/**
 * Quick buy and sell of digital metal: grams or money in, a fixed price with its countdown,
 * one tap = one order. A price that changed under a new fix is shown beside the old one and
 * must be confirmed before it can be used.
 */
export function TradePage() {
  const { _ } = useLingui();
  const money = useMoney();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const initialMetal = metalSchema.safeParse(searchParams.get("metal"));
  const initialSide = digitalSideSchema.safeParse(searchParams.get("side"));
  const valueId = useId();
  const quoteHeading = useRef<HTMLHeadingElement>(null);

  const { register, handleSubmit, control, setValue, formState } = useForm<
    TradeForm,
    unknown,
    DigitalQuoteBody
  >({
    resolver: useTradeResolver(),
    defaultValues: {
      metal: initialMetal.success ? initialMetal.data : "gold",
      side: initialSide.success ? initialSide.data : "buy",
      mode: "grams",
      value: "",
    },
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const form = useWatch({ control });
  const metal = form.metal ?? "gold";
  const side = form.side ?? "buy";
  const mode = form.mode ?? "grams";

  const [request, setRequest] = useState<DigitalQuoteBody | null>(null);
  const [timed, setTimed] = useState<TimedDigitalQuote | null>(null);
  const [accepted, setAccepted] = useState<DigitalQuote | null>(null);
  const [order, setOrder] = useState<DigitalOrder | null>(null);

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
  }, [quote, accepted]);

  const reset = () => {
    setRequest(null);
    setTimed(null);
    setAccepted(null);
    setOrder(null);
    quoting.reset();
    ordering.reset();
  };

  const onSubmit = (body: DigitalQuoteBody) => {
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

  const metalOptions = metalSchema.options.map((m) => ({ value: m, label: _(metalLabel[m]) }));
  const sideOptions = [
    { value: "buy" as const, label: _("wallet.trade.buy") },
    { value: "sell" as const, label: _("wallet.trade.sell") },
  ];
  const modeOptions = [
    { value: "grams" as const, label: _("wallet.trade.byGrams") },
    { value: "amount" as const, label: _("wallet.trade.byAmount") },
  ];
  const editing = quote === null && !quoting.isPending;
  const valueError = formState.errors.value?.message;
  const quoteError =
    quoting.error instanceof ApiProblem
      ? (quoting.error.errors.amount?.[0] ??
        quoting.error.errors.grams?.[0] ??
        _("wallet.trade.quoteError"))
      : quoting.error
        ? _("wallet.trade.quoteError")
        : null;
  const orderError =
    ordering.error instanceof ApiProblem && ordering.error.code !== "price_expired"
      ? (Object.values(ordering.error.errors)[0]?.[0] ??
        ordering.error.detail ??
        _("wallet.trade.orderError"))
      : ordering.error && !(ordering.error instanceof ApiProblem)
        ? _("wallet.trade.orderError")
        : null;
  const signedOut =
    (quoting.error instanceof ApiProblem && quoting.error.status === 401) ||
    (ordering.error instanceof ApiProblem && ordering.error.status === 401);

  if (signedOut)
    return (
      <>
        <PageHeader
          title={_("wallet.trade.title")}
          before={<BackLink to="/wallet">{_("wallet.title")}</BackLink>}
        />
        <SignedOutWallet />
      </>
    );

  return (
    <>
      <PageHeader
        title={_("wallet.trade.title")}
        description={_("wallet.trade.description")}
        before={<BackLink to="/wallet">{_("wallet.title")}</BackLink>}
      />
      <div className="grid gap-6 md:grid-cols-[minmax(0,26rem)_1fr] md:items-start">
        <div className="space-y-5">
          {order ? (
            <TradeResult order={order} onAgain={reset} />
          ) : (
            <form
              noValidate
              aria-label={_("wallet.trade.formLabel")}
              onSubmit={(event) => void handleSubmit(onSubmit)(event)}
              className="space-y-5 rounded-card border border-border bg-surface-raised p-5 shadow-card"
            >
              <fieldset disabled={!editing} className="min-w-0 space-y-5 disabled:opacity-70">
                <Choice
                  legend={_("wallet.trade.side")}
                  name="side"
                  options={sideOptions}
                  value={side}
                  onChange={(v) => setValue("side", v)}
                />
                <Choice
                  legend={_("wallet.trade.metal")}
                  name="metal"
                  options={metalOptions}
                  value={metal}
                  onChange={(v) => setValue("metal", v)}
                />
                <Choice
                  legend={_("wallet.trade.enter")}
                  name="mode"
                  options={modeOptions}
                  value={mode}
                  onChange={(v) => setValue("mode", v, { shouldValidate: formState.isSubmitted })}
                />
                <div>
                  <label htmlFor={valueId} className="text-sm font-medium text-text">
                    {mode === "grams"
                      ? _("wallet.trade.gramsLabel")
                      : _("wallet.trade.amountLabel")}
                  </label>
                  <input
                    id={valueId}
                    {...register("value")}
                    inputMode="decimal"
                    autoComplete="off"
                    placeholder={mode === "grams" ? "1,5" : "1.000"}
                    aria-invalid={valueError ? true : undefined}
                    aria-describedby={valueError ? `${valueId}-error` : undefined}
                    className={cn(
                      fieldClass,
                      valueError ? "border-danger" : "border-border-strong",
                    )}
                  />
                  {valueError ? (
                    <p id={`${valueId}-error`} className="mt-1.5 text-sm text-danger">
                      {valueError}
                    </p>
                  ) : null}
                </div>
              </fieldset>
              {editing ? (
                <Button type="submit" className="w-full">
                  {_("wallet.trade.getPrice")}
                </Button>
              ) : null}
              {quoting.isPending && !quote ? (
                <p role="status" className="text-sm text-text-muted">
                  {_("wallet.trade.quoting")}
                </p>
              ) : null}
              {quoteError && !quote ? (
                <div role="alert" className="text-sm text-danger">
                  <p>{quoteError}</p>
                </div>
              ) : null}
            </form>
          )}

          {quote && !order ? (
            <section
              aria-labelledby="trade-quote"
              className="space-y-4 rounded-card border border-border bg-surface-raised p-5 shadow-card"
            >
              <h2
                id="trade-quote"
                ref={quoteHeading}
                tabIndex={-1}
                className="text-lg font-semibold text-text outline-none"
              >
                {quote.side === "buy"
                  ? _("wallet.trade.quoteBuy", { metal: _(metalLabel[quote.metal]) })
                  : _("wallet.trade.quoteSell", { metal: _(metalLabel[quote.metal]) })}
              </h2>
              <QuoteFacts quote={quote} />
              <WalletCountdown left={left} />
              {decision === "confirm" && accepted ? (
                <div className="rounded-control border-2 border-primary p-3" role="alert">
                  <p className="font-semibold text-text">{_("checkout.price.changedTitle")}</p>
                  <p className="mt-1 text-sm text-text-muted">
                    {_("wallet.trade.changed", {
                      before: money(accepted.amount),
                      after: money(quote.amount),
                    })}
                  </p>
                  <Button
                    className="mt-3 w-full"
                    onClick={() => setAccepted(quote)}
                    disabled={left === 0}
                  >
                    {_("wallet.trade.acceptNew", { total: money(quote.amount) })}
                  </Button>
                </div>
              ) : null}
              {orderError ? (
                <p role="alert" className="text-sm text-danger">
                  {orderError}
                </p>
              ) : null}
              <Button
                className="w-full disabled:cursor-not-allowed disabled:opacity-50"
                onClick={confirmOrder}
                disabled={decision !== "accepted" || left === 0 || ordering.isPending}
                aria-busy={ordering.isPending || undefined}
              >
                {ordering.isPending
                  ? _("wallet.trade.sending")
                  : quote.side === "buy"
                    ? _("wallet.trade.confirmBuy", { total: money(quote.amount) })
                    : _("wallet.trade.confirmSell", { total: money(quote.amount) })}
              </Button>
              <Button
                variant="quiet"
                className="w-full"
                onClick={reset}
                disabled={ordering.isPending}
              >
                {_("wallet.trade.change")}
              </Button>
            </section>
          ) : null}
        </div>
        <RateChart metal={quote?.metal ?? metal} />
      </div>
    </>
  );
}
