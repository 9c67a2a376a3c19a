import { useLingui } from "@lingui/react";
import { useQuery, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useParams, type LoaderFunctionArgs } from "react-router";
import { BackLink } from "../../components/back-link";
import { Button, ButtonLink } from "../../components/button-link";
import { EmptyState } from "../../components/empty-state";
import { FeeSummary } from "../../components/fee-summary";
import { AlertIcon, ReceiptIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";
import { PrinterIcon } from "../../components/action-icons";
import { formatMoney, formatNumber } from "../../i18n/format";
import type { WalletReceipt } from "../../../contract/wallet";
import { ApiProblem } from "../../lib/api";
import { AddressSummary } from "../../domain/addresses/address-summary";
import { formatOrderTime } from "../orders";
import { SignedOutWallet } from "./wallet-guest";
import { currencyLabel, walletTypeLabel } from "./wallet-labels";
import { walletReceiptQueryOptions } from "./wallet-queries";

/** Starts reading the receipt while the page chunk loads; a failure is the page's own state. */
export function createWalletReceiptLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    void queryClient.query(walletReceiptQueryOptions(params.id ?? "")).catch(() => undefined);
    return null;
  };
}

const card = "rounded-card border border-border bg-surface-raised p-5 shadow-card md:p-6";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-4 py-1">
      <dt className="shrink-0 text-text-muted">{label}</dt>
      <dd className="min-w-0 text-right font-medium break-words text-text">{children}</dd>
    </div>
  );
}

/** A wallet order's receipt: what moved, at which price, every fee line, and where it goes. */
export function WalletReceiptPage() {
  const { _, i18n } = useLingui();
  const { id = "" } = useParams();
  const { data: receipt, error, refetch, isFetching } = useQuery(walletReceiptQueryOptions(id));
  const back = <BackLink to="/wallet">{_("wallet.title")}</BackLink>;

  if (error instanceof ApiProblem && error.status === 401)
    return (
      <>
        <PageHeader title={_("wallet.receipt.title")} before={back} />
        <SignedOutWallet />
      </>
    );
  if (!receipt && error instanceof ApiProblem && error.status === 404)
    return (
      <>
        <PageHeader title={_("wallet.receipt.title")} before={back} />
        <EmptyState
          icon={<ReceiptIcon />}
          title={_("wallet.receipt.notFound.title")}
          body={_("wallet.receipt.notFound.body")}
          actions={<ButtonLink to="/wallet">{_("wallet.trade.toWallet")}</ButtonLink>}
        />
      </>
    );
  if (!receipt && error)
    return (
      <>
        <PageHeader title={_("wallet.receipt.title")} before={back} />
        <EmptyState
          icon={<AlertIcon />}
          title={_("wallet.receipt.error.title")}
          body={_("wallet.receipt.error.body")}
          actions={
            <Button onClick={() => void refetch()} disabled={isFetching}>
              {_("error.retry")}
            </Button>
          }
        />
      </>
    );
  if (!receipt)
    return (
      <>
        <PageHeader title={_("wallet.receipt.title")} before={back} />
        <p role="status" className="sr-only">
          {_("wallet.loading")}
        </p>
        <div aria-hidden="true" className={`${card} space-y-3`}>
          <Skeleton className="h-5 w-40" />
          <Skeleton className="h-4 w-56" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-6 w-1/2" />
        </div>
      </>
    );

  const money = (n: number) => formatMoney(n, receipt.currency, i18n.locale);
  const subtotal = receipt.subtotal ?? 0;
  const feesTotal = Math.round((receipt.total - subtotal) * 100) / 100;
  /** What is known of a line: its units and fine grams, either may be missing. */
  const detail = (item: WalletReceipt["items"][number]) =>
    [
      item.quantity === null ? null : _("wallet.basket.units", { count: item.quantity }),
      item.grams === null
        ? null
        : _("wallet.grams", { grams: formatNumber(item.grams, i18n.locale, 4) }),
    ]
      .filter((part) => part !== null)
      .join(" · ");
  return (
    <>
      <PageHeader
        title={_("wallet.receipt.title")}
        description={_("wallet.receipt.description", { type: _(walletTypeLabel[receipt.type]) })}
        before={back}
      />
      <div className="space-y-4 md:max-w-2xl">
        <section aria-labelledby="wallet-receipt-facts" className={card}>
          <h2 id="wallet-receipt-facts" className="sr-only">
            {_("wallet.receipt.facts")}
          </h2>
          <dl>
            {receipt.receiptNo ? (
              <Row label={_("wallet.receipt.number")}>
                <span className="price">{receipt.receiptNo}</span>
              </Row>
            ) : null}
            {receipt.orderCode ? (
              <Row label={_("wallet.trade.orderCode")}>
                <span className="price break-all">{receipt.orderCode}</span>
              </Row>
            ) : null}
            <Row label={_("wallet.receipt.kind")}>{_(walletTypeLabel[receipt.type])}</Row>
            {receipt.createdAt ? (
              <Row label={_("wallet.receipt.date")}>
                <time dateTime={receipt.createdAt}>
                  {formatOrderTime(receipt.createdAt, i18n.locale)}
                </time>
              </Row>
            ) : null}
            <Row label={_("wallet.chargedCurrency")}>{currencyLabel(receipt.currency, i18n)}</Row>
          </dl>
        </section>
        <section aria-labelledby="wallet-receipt-items" className={card}>
          <h2 id="wallet-receipt-items" className="mb-3 font-semibold text-text">
            {_("wallet.receipt.items")}
          </h2>
          <ul className="space-y-2">
            {receipt.items.map((item, index) => (
              <li
                key={item.sku ?? `line-${String(index)}`}
                className="flex items-baseline justify-between gap-3 border-b border-border pb-2"
              >
                <div className="min-w-0">
                  <p className="font-medium text-text">{item.name ?? _("wallet.item.unknown")}</p>
                  {detail(item) ? (
                    <p className="price text-sm text-text-muted">{detail(item)}</p>
                  ) : null}
                </div>
                {receipt.type === "delivery" || item.lineTotal === null ? null : (
                  <span className="shrink-0 price font-semibold text-text">
                    {money(item.lineTotal)}
                  </span>
                )}
              </li>
            ))}
          </ul>
          <div className="mt-4">
            <FeeSummary
              totals={{
                subtotal,
                vat: 0,
                fees: feesTotal,
                total: receipt.total,
              }}
              fees={receipt.fees}
              currency={receipt.currency}
              showVat={false}
              showSubtotal={receipt.subtotal !== null}
              totalLabel={
                receipt.type === "sell" ? _("wallet.basket.youGet") : _("wallet.receipt.paid")
              }
            />
          </div>
        </section>
        {receipt.shippingAddress ? (
          <section aria-labelledby="wallet-receipt-address" className={card}>
            <h2 id="wallet-receipt-address" className="mb-3 font-semibold text-text">
              {_("wallet.basket.address")}
            </h2>
            <AddressSummary address={receipt.shippingAddress} />
          </section>
        ) : null}
        <div className="flex flex-col gap-2 md:flex-row print:hidden">
          <Button variant="secondary" onClick={() => window.print()}>
            <PrinterIcon className="size-5" />
            {_("wallet.receipt.print")}
          </Button>
          <ButtonLink to="/wallet" variant="quiet">
            {_("wallet.trade.toWallet")}
          </ButtonLink>
        </div>
      </div>
    </>
  );
}
