import { useLingui } from "@lingui/react";
import { useMutation, useQuery, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useParams, type LoaderFunctionArgs } from "react-router";
import { amountInWordsTr } from "../../../contract/amount-in-words";
import type { Invoice } from "../../../contract/orders";
import { bridge } from "../../bridge/bridge";
import { openFileInHost } from "../../bridge/links";
import { BackLink } from "../../components/back-link";
import { Button, ButtonLink } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { AlertIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";
import { msg } from "../../i18n/i18n";
import { formatMoney, formatNumber, formatWeight } from "../../i18n/format";
import { ApiProblem } from "../../lib/api";
import { OrderLoadFailure } from "./order-load-failure";
import { PrinterIcon } from "../../components/action-icons";
import { DownloadIcon } from "./order-icons";
import { formatCalendarDay, formatPercent } from "./order-format";
import { fetchInvoicePdfLink, invoiceQueryOptions } from "./order-queries";
import "./invoice-print.css";

/** Starts reading the invoice while the page's code loads. */
export function createInvoiceLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    void queryClient.query(invoiceQueryOptions(params.code ?? "")).catch(() => undefined);
    return null;
  };
}

const typeLabel: Record<Invoice["type"], string> = {
  buy: msg("invoice.type.buy"),
  sell: msg("invoice.type.sell"),
  delivery: msg("invoice.type.delivery"),
};

/** Investment gold of fineness 995 and above carries no VAT (KDVK 17/4-g). */
function isVatExempt(item: Invoice["items"][number]): boolean {
  return item.vatRate === 0 && (item.purity ?? 0) >= 995;
}

function Meta({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-text-muted">{term}</dt>
          <dd className="text-right price font-semibold break-all text-text">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Parties({ invoice }: { invoice: Invoice }) {
  const { _ } = useLingui();
  const { seller, buyer } = invoice;
  const corporate = buyer.invoiceType === "corporate";
  const address = buyer.address;
  return (
    <div className="grid gap-5 sm:grid-cols-2 print:grid-cols-2" data-keep-together>
      <section aria-labelledby="invoice-seller">
        <h2
          id="invoice-seller"
          className="text-xs font-semibold tracking-wider text-text-muted uppercase"
        >
          {_("invoice.seller")}
        </h2>
        <p className="mt-1 font-semibold text-text">{seller.name}</p>
        {seller.address ? <p className="text-sm text-text-muted">{seller.address}</p> : null}
        <p className="mt-1 text-sm text-text">
          {seller.taxOffice ? (
            <>
              {_("invoice.taxOffice")}: {seller.taxOffice}
              <br />
            </>
          ) : null}
          {_("invoice.vkn")}: <span className="price">{seller.taxNumber}</span>
        </p>
      </section>
      <section aria-labelledby="invoice-buyer">
        <h2
          id="invoice-buyer"
          className="text-xs font-semibold tracking-wider text-text-muted uppercase"
        >
          {_("invoice.buyer")}
        </h2>
        <p className="mt-1 font-semibold text-text">{buyer.name}</p>
        {address ? (
          <p className="text-sm text-text-muted">
            {[address.street, address.line].filter(Boolean).join(" ")}
            {address.district ? (
              <>
                <br />
                {address.district}
              </>
            ) : null}
            <br />
            {[address.zipcode, [address.county, address.city].join(" / ")]
              .filter(Boolean)
              .join(" ")}
          </p>
        ) : null}
        <p className="mt-1 text-sm text-text">
          {corporate && buyer.taxOffice ? (
            <>
              {_("invoice.taxOffice")}: {buyer.taxOffice}
              <br />
            </>
          ) : null}
          {buyer.identityNumber ? (
            <>
              {corporate ? _("invoice.vkn") : _("invoice.tckn")}:{" "}
              <span className="price">{buyer.identityNumber}</span>
              <br />
            </>
          ) : null}
          {buyer.email ? (
            <>
              {_("invoice.email")}: {buyer.email}
              <br />
            </>
          ) : null}
          {buyer.phone ? (
            <>
              {_("invoice.phone")}: <span className="price">{buyer.phone}</span>
            </>
          ) : null}
        </p>
      </section>
    </div>
  );
}

function Lines({ invoice }: { invoice: Invoice }) {
  const { _, i18n } = useLingui();
  const money = (amount: number) => formatMoney(amount, invoice.currency, i18n.locale);
  const rate = (item: Invoice["items"][number]) => (
    <>
      {formatPercent(item.vatRate, i18n.locale)}
      {isVatExempt(item) ? <span aria-hidden="true">*</span> : null}
    </>
  );
  const cell = "px-2 py-2.5 text-right align-top price whitespace-nowrap";
  return (
    <section aria-labelledby="invoice-lines">
      <h2 id="invoice-lines" className="sr-only">
        {_("invoice.lines")}
      </h2>
      {/* Wide screens and paper: a real table. */}
      <table className="hidden w-full border-collapse text-sm md:table print:table">
        <thead>
          <tr className="border-b-2 border-border-strong text-xs text-text-muted">
            <th scope="col" className="px-2 py-2 text-left font-semibold">
              {_("invoice.col.product")}
            </th>
            <th scope="col" className="px-2 py-2 text-right font-semibold">
              {_("invoice.col.quantity")}
            </th>
            <th scope="col" className="px-2 py-2 text-right font-semibold">
              {_("invoice.col.weight")}
            </th>
            <th scope="col" className="px-2 py-2 text-right font-semibold">
              {_("invoice.col.unitPrice")}
            </th>
            <th scope="col" className="px-2 py-2 text-right font-semibold">
              {_("invoice.col.vatRate")}
            </th>
            <th scope="col" className="px-2 py-2 text-right font-semibold">
              {_("invoice.col.vat")}
            </th>
            <th scope="col" className="px-2 py-2 text-right font-semibold">
              {_("invoice.col.total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {invoice.items.map((item) => (
            <tr key={item.sku} className="border-b border-border">
              <th scope="row" className="px-2 py-2.5 text-left align-top font-normal">
                <span className="font-medium text-text">{item.name}</span>
                <span className="block text-xs text-text-muted">
                  {item.sku}
                  {item.purity !== null
                    ? ` · ${_("invoice.purity", { purity: formatNumber(item.purity, i18n.locale, 1) })}`
                    : ""}
                </span>
              </th>
              <td className={cell}>{formatNumber(item.quantity, i18n.locale, 3)}</td>
              <td className={cell}>
                {item.weightGrams === null ? "–" : formatWeight(item.weightGrams, i18n.locale)}
              </td>
              <td className={cell}>{money(item.unitPrice)}</td>
              <td className={cell}>{rate(item)}</td>
              <td className={cell}>{money(item.vat)}</td>
              <td className={cn(cell, "font-semibold")}>{money(item.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* Phones: one card per line, the same facts. */}
      <ul className="divide-y divide-border md:hidden print:hidden">
        {invoice.items.map((item) => (
          <li key={item.sku} className="py-3 first:pt-0">
            <p className="font-medium text-text">{item.name}</p>
            <p className="text-xs text-text-muted">
              {item.sku}
              {item.purity !== null
                ? ` · ${_("invoice.purity", { purity: formatNumber(item.purity, i18n.locale, 1) })}`
                : ""}
            </p>
            <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
              {(
                [
                  [_("invoice.col.quantity"), formatNumber(item.quantity, i18n.locale, 3)],
                  [
                    _("invoice.col.weight"),
                    item.weightGrams === null ? "–" : formatWeight(item.weightGrams, i18n.locale),
                  ],
                  [_("invoice.col.unitPrice"), money(item.unitPrice)],
                  [_("invoice.col.vatRate"), rate(item)],
                  [_("invoice.col.vat"), money(item.vat)],
                  [_("invoice.col.total"), money(item.total)],
                ] satisfies [string, ReactNode][]
              ).map(([term, value]) => (
                <div key={term} className="flex justify-between gap-2">
                  <dt className="text-text-muted">{term}</dt>
                  <dd className="text-right price font-medium text-text">{value}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Totals({ invoice }: { invoice: Invoice }) {
  const { _, i18n } = useLingui();
  const money = (amount: number) => formatMoney(amount, invoice.currency, i18n.locale);
  const exempt = invoice.items.some(isVatExempt);
  return (
    <div className="mt-5 space-y-4" data-keep-together>
      <dl className="ml-auto w-full space-y-1.5 text-sm sm:w-80 print:w-80">
        <div className="flex justify-between gap-4">
          <dt className="text-text-muted">{_("invoice.subtotal")}</dt>
          <dd className="price text-text">{money(invoice.totals.subtotal)}</dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt className="text-text-muted">{_("invoice.vatTotal")}</dt>
          <dd className="price text-text">{money(invoice.totals.vat)}</dd>
        </div>
        <div className="flex justify-between gap-4 border-t-2 border-border-strong pt-2 text-base font-bold text-text">
          <dt>{_("invoice.grandTotal")}</dt>
          <dd className="price">{money(invoice.totals.total)}</dd>
        </div>
      </dl>
      <div className="rounded-control border border-border bg-surface-sunken px-3 py-2 text-sm print:bg-transparent">
        <p className="text-xs text-text-muted">{_("invoice.inWords")}</p>
        <p lang="tr" className="font-semibold text-text">
          {amountInWordsTr(invoice.totals.total, invoice.currency)}
        </p>
      </div>
      {exempt ? (
        <p className="text-xs text-text-muted">
          <span aria-hidden="true">* </span>
          {_("invoice.vatNote")}
        </p>
      ) : null}
    </div>
  );
}

function InvoiceSheet({ invoice }: { invoice: Invoice }) {
  const { _, i18n } = useLingui();
  return (
    <article
      data-invoice-sheet
      aria-label={_("invoice.sheet", { number: invoice.invoiceNumber })}
      className="mx-auto w-full max-w-4xl rounded-card border border-border bg-surface-raised p-4 text-text shadow-card sm:p-6 md:p-10 print:max-w-none print:rounded-none print:border-0 print:p-0 print:shadow-none"
    >
      <div className="flex flex-col gap-4 border-b border-border pb-5 sm:flex-row sm:items-start sm:justify-between print:flex-row print:items-start print:justify-between">
        <div>
          <p className="text-2xl font-bold tracking-[0.2em] text-text">{_("invoice.heading")}</p>
          <p className="text-sm text-text-muted">{_("invoice.eArchive")}</p>
        </div>
        <div className="sm:w-72 print:w-72">
          <Meta
            rows={[
              [_("invoice.number"), invoice.invoiceNumber],
              [_("invoice.date"), formatCalendarDay(invoice.invoiceDate, i18n.locale)],
              [_("invoice.orderCode"), invoice.orderCode],
              [_("invoice.kind"), _(typeLabel[invoice.type])],
              [_("invoice.currency"), invoice.currency],
            ]}
          />
        </div>
      </div>
      <div className="border-b border-border py-5">
        <Parties invoice={invoice} />
      </div>
      <div className="pt-5">
        <Lines invoice={invoice} />
        <Totals invoice={invoice} />
      </div>
    </article>
  );
}

/**
 * Print, and download the PDF: the proxy answers a short-lived https link that needs no cookie,
 * served as an attachment, so opening it downloads the file and the page stays. (Inside a
 * partner app the link goes to the host instead — issue #8.)
 */
function InvoiceActions({ code, ready }: { code: string; ready: boolean }) {
  const { _ } = useLingui();
  const download = useMutation({
    mutationFn: () => fetchInvoicePdfLink(code),
    onSuccess: (link) => {
      // Inside a partner app the host opens the https link (webviews cannot download).
      if (!openFileInHost(bridge, link)) window.location.assign(link.url);
    },
  });
  const problem = download.error instanceof ApiProblem ? download.error : null;
  return (
    <div className="mb-5 print:hidden">
      <div className="grid grid-cols-2 gap-2 sm:flex sm:justify-end">
        <Button variant="secondary" disabled={!ready} onClick={() => window.print()}>
          <PrinterIcon />
          {_("invoice.print")}
        </Button>
        <Button
          onClick={() => download.mutate()}
          disabled={!ready || download.isPending}
          aria-describedby={download.isError ? "invoice-download-error" : undefined}
        >
          <DownloadIcon />
          {download.isPending ? _("invoice.download.pending") : _("invoice.download.action")}
        </Button>
      </div>
      <p role="status" className="mt-2 text-right text-sm text-text-muted empty:hidden">
        {download.isSuccess ? _("invoice.download.started") : ""}
      </p>
      {download.isError ? (
        <p
          id="invoice-download-error"
          role="alert"
          className="mt-2 flex items-start gap-2 rounded-control border border-danger/40 bg-danger/10 px-3 py-2 text-sm text-danger"
        >
          <AlertIcon className="mt-0.5 size-4 shrink-0" />
          {problem?.code === "network"
            ? _("invoice.download.offline")
            : _("invoice.download.failed", { detail: problem?.detail ?? "" })}
        </p>
      ) : null}
    </div>
  );
}

function InvoiceSkeleton() {
  const { _ } = useLingui();
  return (
    <div
      aria-busy="true"
      className="mx-auto w-full max-w-4xl rounded-card border border-border bg-surface-raised p-6 shadow-card md:p-10"
    >
      <p role="status" className="sr-only">
        {_("invoice.loading")}
      </p>
      <div aria-hidden="true" className="flex justify-between gap-6">
        <div className="space-y-2">
          <Skeleton className="h-6 w-32" />
          <Skeleton className="h-3 w-24" />
        </div>
        <div className="space-y-2">
          <Skeleton className="ml-auto h-3.5 w-40" />
          <Skeleton className="ml-auto h-3.5 w-32" />
          <Skeleton className="ml-auto h-3.5 w-36" />
        </div>
      </div>
      <div
        aria-hidden="true"
        className="mt-8 grid gap-6 border-t border-border pt-6 sm:grid-cols-2"
      >
        <div className="space-y-2">
          <Skeleton className="h-3 w-16" />
          <Skeleton className="h-4 w-48" />
          <Skeleton className="h-3 w-40" />
        </div>
        <div className="space-y-2">
          <Skeleton className="h-3 w-16" />
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-3 w-44" />
        </div>
      </div>
      <div aria-hidden="true" className="mt-8 space-y-4 border-t border-border pt-6">
        {[0, 1].map((row) => (
          <div key={row} className="flex justify-between gap-6">
            <Skeleton className="h-3.5 w-1/2" />
            <Skeleton className="h-3.5 w-20" />
          </div>
        ))}
      </div>
      <div aria-hidden="true" className="mt-8 ml-auto w-56 space-y-3">
        <Skeleton className="h-3.5 w-full" />
        <Skeleton className="h-5 w-full" />
      </div>
    </div>
  );
}

export function InvoicePage() {
  const { _ } = useLingui();
  const { code = "" } = useParams();
  const { data: invoice, error, refetch, isFetching } = useQuery(invoiceQueryOptions(code));
  const back = (
    <div className="print:hidden">
      <BackLink to={`/orders/${encodeURIComponent(code)}`}>{_("invoice.back")}</BackLink>
    </div>
  );

  if (!invoice && error)
    return (
      <OrderLoadFailure
        error={error}
        title={_("invoice.title")}
        back={back}
        notFound={{
          title: _("invoice.notFound.title"),
          body: _("invoice.notFound.body"),
          actions: <ButtonLink to="/orders">{_("order.notFound.orders")}</ButtonLink>,
        }}
        errorBody={_("invoice.error.body")}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    );

  return (
    <>
      <div className="print:hidden">
        <PageHeader
          title={_("invoice.title")}
          description={_("invoice.forOrder", { code })}
          before={back}
        />
      </div>
      <InvoiceActions code={code} ready={invoice !== undefined} />
      {invoice ? <InvoiceSheet invoice={invoice} /> : <InvoiceSkeleton />}
    </>
  );
}
