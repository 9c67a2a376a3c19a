import { useLingui } from "@lingui/react";
import { BackLink } from "../../components/back-link";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";

export function ProductPage() {
  const { _ } = useLingui();
  return (
    <>
      <PageHeader
        title={_("product.title")}
        hideTitle
        before={<BackLink to="/">{_("product.back")}</BackLink>}
      />
      <div aria-busy="true" className="grid gap-6 md:grid-cols-2 md:gap-10">
        <p role="status" className="sr-only">
          {_("product.loading")}
        </p>
        <Skeleton className="aspect-square w-full rounded-card" />
        <div aria-hidden="true" className="space-y-4">
          <Skeleton className="h-3.5 w-24" />
          <Skeleton className="h-8 w-4/5" />
          <Skeleton className="h-10 w-40" />
          <Skeleton className="h-3 w-32" />
          <div className="grid grid-cols-2 gap-3 pt-4">
            <Skeleton className="h-16 rounded-card" />
            <Skeleton className="h-16 rounded-card" />
          </div>
          <Skeleton className="h-12 w-full" />
        </div>
      </div>
    </>
  );
}
