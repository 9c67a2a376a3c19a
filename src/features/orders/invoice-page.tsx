import { useLingui } from "@lingui/react";
import { useParams } from "react-router";
import { BackLink } from "../../components/back-link";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";

const lineRows = [0, 1, 2];

export function InvoicePage() {
  const { _ } = useLingui();
  const { code = "" } = useParams();
  return (
    <>
      <PageHeader
        title={_("invoice.title")}
        description={_("invoice.forOrder", { code })}
        before={<BackLink to={`/orders/${encodeURIComponent(code)}`}>{_("invoice.back")}</BackLink>}
      />
      <div
        aria-busy="true"
        className="mx-auto aspect-[210/297] w-full max-w-3xl rounded-card border border-border bg-surface-raised p-6 shadow-card md:p-10"
      >
        <p role="status" className="sr-only">
          {_("invoice.loading")}
        </p>
        <div aria-hidden="true" className="flex justify-between gap-6">
          <div className="space-y-2">
            <Skeleton className="h-5 w-32" />
            <Skeleton className="h-3 w-40" />
            <Skeleton className="h-3 w-28" />
          </div>
          <div className="space-y-2">
            <Skeleton className="ml-auto h-5 w-24" />
            <Skeleton className="ml-auto h-3 w-20" />
          </div>
        </div>
        <div aria-hidden="true" className="mt-10 space-y-4 border-t border-border pt-6">
          {lineRows.map((row) => (
            <div key={row} className="flex justify-between gap-6">
              <Skeleton className="h-3.5 w-1/2" />
              <Skeleton className="h-3.5 w-20" />
            </div>
          ))}
        </div>
        <div aria-hidden="true" className="mt-10 ml-auto w-48 space-y-3">
          <Skeleton className="h-3.5 w-full" />
          <Skeleton className="h-5 w-full" />
        </div>
      </div>
    </>
  );
}
