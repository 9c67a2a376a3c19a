import { useLingui } from "@lingui/react";
import { useMutation, useQuery, type QueryClient } from "@tanstack/react-query";
import { useParams, type LoaderFunctionArgs } from "react-router";
import { bridge } from "../../bridge/bridge";
import { openFileInHost } from "../../bridge/links";
import { BackLink } from "../../components/back-link";
import { Button, ButtonLink } from "../../components/button-link";
import { AlertIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";
import { ApiProblem } from "../../lib/api";
import { OrderLoadFailure } from "./order-load-failure";
import { PrinterIcon } from "../../components/action-icons";
import { DownloadIcon } from "./order-icons";
import { InvoiceSheet } from "./invoice-sheet";
import { fetchInvoicePdfLink, invoiceQueryOptions } from "./order-queries";
import "./invoice-print.css";

/** Starts reading the invoice while the page's code loads. */
export function createInvoiceLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    void queryClient.query(invoiceQueryOptions(params.code ?? "")).catch(() => undefined);
    return null;
  };
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
        {/* Narrower sides (over the buttons' px-5) so that "Download PDF" fits one line on a phone. */}
        <Button
          variant="secondary"
          className="px-3!"
          disabled={!ready}
          onClick={() => window.print()}
        >
          <PrinterIcon />
          {_("invoice.print")}
        </Button>
        <Button
          className="px-3!"
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
