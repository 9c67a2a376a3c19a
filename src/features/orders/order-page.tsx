import { useLingui } from "@lingui/react";
import { useParams } from "react-router";
import { BackLink } from "../../components/back-link";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";

const timelineSteps = [0, 1, 2, 3];

export function OrderPage() {
  const { _ } = useLingui();
  const { code = "" } = useParams();
  return (
    <>
      <PageHeader
        title={_("order.title", { code })}
        before={<BackLink to="/orders">{_("order.back")}</BackLink>}
      />
      <div aria-busy="true" className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <p role="status" className="sr-only">
          {_("order.loading")}
        </p>
        <div className="rounded-card border border-border bg-surface-raised p-5 shadow-card">
          <Skeleton className="h-4 w-32" />
          <ol aria-hidden="true" className="mt-6 space-y-6">
            {timelineSteps.map((step) => (
              <li key={step} className="flex items-center gap-4">
                <Skeleton className="size-6 shrink-0 rounded-full" />
                <div className="flex-1 space-y-2">
                  <Skeleton className="h-3.5 w-40" />
                  <Skeleton className="h-3 w-24" />
                </div>
              </li>
            ))}
          </ol>
        </div>
        <div className="space-y-3 rounded-card border border-border bg-surface-raised p-5 shadow-card">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-3.5 w-full" />
          <Skeleton className="h-3.5 w-5/6" />
          <Skeleton className="mt-4 h-7 w-32" />
        </div>
      </div>
    </>
  );
}
