import { useLingui } from "@lingui/react";
import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { BasketItem } from "../../../contract/basket";
import type { CheckoutState } from "../../../contract/checkout";
import type { OrderAddress } from "../../../contract/orders";
import { Button } from "../../components/button-link";
import { FeeSummary } from "../../components/fee-summary";
import { ChargeCurrencyNote } from "../../domain/prices/money";
import { lineWithVat } from "../../domain/prices/shelf-price";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";
import { formatGrams, formatMoney } from "../../i18n/format";
import { AddressSummary } from "../../domain/addresses/address-summary";
import {
  checkoutKeys,
  checkoutQueryOptions,
  legalDocumentsQueryOptions,
  quoteQueryOptions,
} from "./checkout-queries";
import { createStepLoader, stepPath } from "./checkout-routing";
import { LegalDocuments, useAcceptedDocuments, useRecordingAcceptance } from "./legal-documents";
import { basketSignature } from "../../domain/price-fix";
import { PriceAnnouncer, PriceChange, PriceError } from "./price-fix-panel";
import { usePriceFix, type PriceFixState } from "./use-price-fix";
import { CheckoutFooter } from "./checkout-footer";
import { ProductThumb } from "../../components/product-thumb";

export function createReviewLoader(queryClient: QueryClient) {
  return createStepLoader(queryClient, "review", (qc) => [
    qc.query(quoteQueryOptions()),
    qc.query(legalDocumentsQueryOptions()),
  ]);
}

function ItemLine({ item }: { item: BasketItem }) {
  const { _, i18n } = useLingui();
  return (
    <li className="flex gap-3 py-3 first:pt-0 last:pb-0">
      <ProductThumb src={item.image} size={64} />
      <div className="flex min-w-0 flex-1 items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="leading-snug font-medium text-text">{item.name}</p>
          <p className="mt-0.5 text-sm text-text-muted">
            {item.type === "digital"
              ? formatGrams(item.quantity, i18n.locale)
              : _("checkout.review.quantity", { quantity: item.quantity })}
          </p>
        </div>
        <p className="shrink-0 text-right price font-semibold text-text">
          <span className="sr-only">{_("basket.line.total")} </span>
          {formatMoney(lineWithVat(item), "TRY", i18n.locale)}
        </p>
      </div>
    </li>
  );
}

function AddressCard({
  title,
  address,
  change,
}: {
  title: string;
  address: OrderAddress;
  change: string;
}) {
  const { _ } = useLingui();
  return (
    <section className="rounded-card border border-border bg-surface-raised p-4 shadow-card">
      <div className="flex items-center justify-between gap-2">
        <h2 className="font-semibold text-text">{title}</h2>
        <Link
          to={stepPath("address")}
          aria-label={change}
          className="-mr-2 inline-flex min-h-12 items-center rounded-control px-3 font-medium text-primary hover:bg-primary-soft"
        >
          {_("checkout.review.change")}
        </Link>
      </div>
      <AddressSummary address={address} className="mt-1" />
    </section>
  );
}

/** The totals under the fix on screen and a changed price to confirm (the countdown is in the footer). */
export function QuoteTotals({
  fix,
  focusKey,
  title,
}: {
  fix: PriceFixState;
  focusKey?: unknown;
  title: string;
}) {
  const { _ } = useLingui();
  const quote = fix.timedQuote?.quote;
  return (
    <div className="space-y-3">
      <PriceAnnouncer fix={fix} />
      <PriceChange fix={fix} focusKey={focusKey} />
      <section
        aria-labelledby="checkout-totals"
        aria-busy={fix.left === 0}
        className="rounded-card border border-border bg-surface-raised p-4 shadow-card md:p-5"
      >
        <h2 id="checkout-totals" className="font-semibold text-text">
          {title}
        </h2>
        {quote ? (
          <>
            <div className="mt-3">
              <FeeSummary
                totals={quote.totals}
                fees={quote.fees}
                currency={quote.currency}
                updating={fix.left === 0}
                totalLabel={_("checkout.review.totalToPay")}
              />
            </div>
            <ChargeCurrencyNote className="mt-3" />
          </>
        ) : fix.isError ? (
          <PriceError fix={fix} className="mt-3" />
        ) : (
          <div role="status" aria-label={_("checkout.price.loading")} className="mt-3 space-y-2">
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-5/6" />
            <Skeleton className="h-6 w-full" />
          </div>
        )}
      </section>
    </div>
  );
}

function ReviewContent({ state }: { state: CheckoutState }) {
  const { _ } = useLingui();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const fix = usePriceFix(basketSignature(state.basket.items));
  const legal = useQuery(legalDocumentsQueryOptions());
  const { allAccepted } = useAcceptedDocuments(legal.data);
  const recording = useRecordingAcceptance();
  const [submitted, setSubmitted] = useState(false);
  const [blocked, setBlocked] = useState<"price" | null>(null);
  const firstInvalid = useRef<HTMLInputElement>(null);
  const priceRef = useRef<HTMLDivElement>(null);

  // The documents print the prices: a new fix brings them again.
  const quoteId = fix.timedQuote?.quote.quoteId;
  const seenQuote = useRef(quoteId);
  useEffect(() => {
    if (seenQuote.current === quoteId) return;
    const first = seenQuote.current === undefined;
    seenQuote.current = quoteId;
    if (!first) void queryClient.invalidateQueries({ queryKey: checkoutKeys.legal() });
  }, [quoteId, queryClient]);

  const proceed = () => {
    setSubmitted(true);
    if (!allAccepted) {
      firstInvalid.current?.focus();
      return;
    }
    if (!fix.payable) {
      setBlocked("price");
      priceRef.current?.scrollIntoView({ block: "center" });
      priceRef.current?.querySelector<HTMLElement>("h2[tabindex]")?.focus();
      return;
    }
    setBlocked(null);
    void navigate(stepPath("pay"));
  };

  return (
    <>
      <div className="grid gap-4 md:grid-cols-[1fr_22rem] md:gap-x-6">
        <section
          aria-labelledby="checkout-items"
          className="rounded-card border border-border bg-surface-raised p-4 shadow-card md:col-start-1 md:row-start-1 md:p-5"
        >
          <h2 id="checkout-items" className="mb-3 font-semibold text-text">
            {_("checkout.review.items", { count: state.basket.itemCount })}
          </h2>
          <ul className="divide-y divide-border">
            {state.basket.items.map((item) => (
              <ItemLine key={item.sku} item={item} />
            ))}
          </ul>
        </section>
        <div
          ref={priceRef}
          className="md:sticky md:top-24 md:col-start-2 md:row-span-4 md:row-start-1 md:self-start"
        >
          <QuoteTotals fix={fix} title={_("checkout.review.totals")} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2 md:col-start-1">
          {state.shipping ? (
            <AddressCard
              title={_("checkout.review.shipping")}
              address={state.shipping}
              change={_("checkout.review.changeShipping")}
            />
          ) : null}
          {state.billing ? (
            <AddressCard
              title={_("checkout.review.billing")}
              address={state.billing}
              change={_("checkout.review.changeBilling")}
            />
          ) : null}
        </div>
        <section aria-labelledby="checkout-legal" className="space-y-3 md:col-start-1">
          <div>
            <h2 id="checkout-legal" className="text-lg font-semibold text-text">
              {_("checkout.legal.title")}
            </h2>
            <p className="mt-1 text-sm text-text-muted">{_("checkout.legal.intro")}</p>
          </div>
          <LegalDocuments showErrors={submitted} firstInvalidRef={firstInvalid} />
        </section>
        {blocked === "price" && !fix.payable ? (
          <p role="alert" className="text-sm font-medium text-danger md:col-start-1">
            {fix.decision === "confirm"
              ? _("checkout.price.confirmFirst")
              : _("checkout.price.waitForNew")}
          </p>
        ) : null}
        {submitted && !allAccepted ? (
          <p role="alert" className="text-sm font-medium text-danger md:col-start-1">
            {_("checkout.legal.acceptBoth")}
          </p>
        ) : null}
      </div>
      <CheckoutFooter
        label={_("checkout.review.totalToPay")}
        total={fix.timedQuote?.quote.totals.total ?? null}
        fix={fix}
      >
        <Button
          className="w-full"
          onClick={proceed}
          // A tick still on its way to the proxy: go on once it is recorded.
          disabled={recording}
        >
          {_("checkout.review.continue")}
        </Button>
      </CheckoutFooter>
    </>
  );
}

export function ReviewStep() {
  const { _ } = useLingui();
  const checkout = useQuery(checkoutQueryOptions());
  return (
    <>
      <PageHeader
        title={_("checkout.review.title")}
        description={_("checkout.review.description")}
      />
      {checkout.data ? <ReviewContent state={checkout.data} /> : null}
    </>
  );
}
