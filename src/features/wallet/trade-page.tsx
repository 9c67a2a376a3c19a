import { useLingui } from "@lingui/react";
import { useId, useRef, useState } from "react";
import { useWatch } from "react-hook-form";
import { useSearchParams } from "react-router";
import { metalSchema } from "../../../contract/common";
import { digitalSideSchema, type DigitalQuoteBody } from "../../../contract/digital";
import { BackLink } from "../../components/back-link";
import { Button } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { PageHeader } from "../../components/page-header";
import { useShopForm } from "../../components/use-shop-form";
import { ApiProblem } from "../../lib/api";
import { metalLabel } from "../catalog";
import { RateChart } from "../../domain/prices/rate-chart";
import { WalletCountdown } from "./wallet-countdown";
import { SignedOutWallet } from "./wallet-guest";
import {
  checkTrade,
  TRADE_FIELDS,
  typedNumber,
  useTradeResolver,
  type TradeForm,
} from "./trade-form-rules";
import { AmountShortcuts, HoldingFacts, TradeEstimate, useTradeHolding } from "./trade-assist";
import { Choice, QuoteFacts, TradeResult, useGrams, useMoney } from "./trade-views";
import { useDigitalTrade } from "./use-digital-trade";

const fieldClass =
  "mt-1.5 block min-h-12 w-full rounded-control border bg-surface-raised px-3.5 text-base text-text placeholder:text-text-muted focus:border-primary focus:outline-2 focus:outline-offset-0 focus:outline-primary";

/**
 * Quick buy and sell of digital metal: grams or money in, a fixed price with its countdown,
 * one tap = one order. A price that changed under a new fix is shown beside the old one and
 * must be confirmed before it can be used.
 */
export function TradePage() {
  const { _, i18n } = useLingui();
  const money = useMoney();
  const grams = useGrams();
  const [searchParams] = useSearchParams();
  const initialMetal = metalSchema.safeParse(searchParams.get("metal"));
  const initialSide = digitalSideSchema.safeParse(searchParams.get("side"));
  const valueId = useId();
  const quoteHeading = useRef<HTMLHeadingElement>(null);
  const initial = {
    metal: initialMetal.success ? initialMetal.data : ("gold" as const),
    side: initialSide.success ? initialSide.data : ("buy" as const),
  };
  const [picked, setPicked] = useState(initial);
  const { holding, wallet } = useTradeHolding(picked.metal, picked.side);

  const {
    register,
    onSubmit: submitWith,
    control,
    setValue,
    formState,
  } = useShopForm<TradeForm, DigitalQuoteBody>({
    resolver: useTradeResolver(holding),
    defaultValues: {
      ...initial,
      mode: "grams",
      value: "",
    },
    fieldOrder: () => TRADE_FIELDS,
  });
  const form = useWatch({ control });
  const metal = form.metal ?? "gold";
  const side = form.side ?? "buy";
  const mode = form.mode ?? "grams";
  if (picked.metal !== metal || picked.side !== side) setPicked({ metal, side });
  const typed = typedNumber({ metal, side, mode, value: form.value ?? "" });
  const check = checkTrade(side, mode, typed, holding);
  /** A shortcut or "sell all": the mode and the number, written the customer's way. */
  const pick = (nextMode: typeof mode, value: number) => {
    setValue("mode", nextMode);
    const digits = nextMode === "grams" ? 4 : 2;
    const text = new Intl.NumberFormat(i18n.locale, {
      useGrouping: false,
      maximumFractionDigits: digits,
    }).format(value);
    setValue("value", text, {
      shouldValidate: formState.isSubmitted,
    });
  };

  const trade = useDigitalTrade(quoteHeading);
  const { quote, accepted, setAccepted, order, left, decision, quoting, ordering } = trade;
  const { reset, requestQuote, confirmOrder } = trade;

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
    (wallet.error instanceof ApiProblem && wallet.error.status === 401) ||
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
            <TradeResult
              order={order}
              cash={
                wallet.dataUpdatedAt >= trade.placedAt && !wallet.isFetching
                  ? (wallet.data?.cash ?? null)
                  : undefined
              }
              onAgain={reset}
            />
          ) : (
            <form
              noValidate
              aria-label={_("wallet.trade.formLabel")}
              onSubmit={submitWith(requestQuote)}
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
                <HoldingFacts metal={metal} holding={holding} />
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
                    aria-invalid={valueError || check.problem ? true : undefined}
                    aria-describedby={
                      valueError && !check.problem ? `${valueId}-error` : `${valueId}-estimate`
                    }
                    className={cn(
                      fieldClass,
                      valueError || check.problem ? "border-danger" : "border-border-strong",
                    )}
                  />
                  <TradeEstimate
                    id={`${valueId}-estimate`}
                    side={side}
                    check={check}
                    holding={holding}
                    onSellAll={() => holding.grams !== null && pick("grams", holding.grams)}
                  />
                  {valueError && !check.problem ? (
                    <p id={`${valueId}-error`} className="mt-1.5 text-sm text-danger">
                      {valueError}
                    </p>
                  ) : null}
                </div>
                <AmountShortcuts side={side} holding={holding} onPick={pick} />
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
              <QuoteFacts quote={quote} cash={holding.cash} />
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
                    ? _("wallet.trade.confirmBuy", {
                        grams: grams(quote.grams),
                        total: money(quote.amount),
                      })
                    : _("wallet.trade.confirmSell", {
                        grams: grams(quote.grams),
                        total: money(quote.amount),
                      })}
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
