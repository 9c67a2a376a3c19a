import { useLingui } from "@lingui/react";
import { Skeleton } from "../components/skeleton";

/** Shown in the content area while a page's code loads for the first time. */
export function PageFallback() {
  const { _ } = useLingui();
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{_("common.loading")}</span>
      <Skeleton className="h-8 w-48 md:h-9" />
      <Skeleton className="mt-3 h-4 w-72 max-w-full" />
      <div className="mt-8 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {[0, 1, 2].map((n) => (
          <Skeleton key={n} className="h-28 rounded-card" />
        ))}
      </div>
    </div>
  );
}
