import { useLingui } from "@lingui/react";
import { isRouteErrorResponse, useRevalidator, useRouteError } from "react-router";
import { Button, ButtonLink } from "../components/button-link";
import { AlertIcon } from "../components/icons";
import { PageHeader } from "../components/page-header";
import { NotFoundContent } from "./not-found-page";

/** A lazily loaded page whose chunk failed to download (offline, or a deploy replaced it). */
function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /dynamically imported module|importing a module script|module script failed/i.test(
      error.message,
    )
  );
}

/** Route-level error state with a retry that re-runs the route. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const { _ } = useLingui();

  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundContent />;

  const retry = () => {
    // A failed chunk import is cached by the router, so only a fresh load fetches it again.
    if (isChunkLoadError(error)) window.location.reload();
    else void revalidator.revalidate();
  };

  return (
    <div className="mx-auto flex max-w-md flex-col items-center py-8 text-center md:py-16">
      <div className="grid size-16 place-items-center rounded-full bg-primary-soft text-danger">
        <AlertIcon className="size-8" />
      </div>
      <div className="mt-6">
        <PageHeader title={_("error.title")} description={_("error.body")} />
      </div>
      <div className="flex w-full max-w-xs flex-col gap-2">
        <Button onClick={retry} disabled={revalidator.state === "loading"}>
          {_("error.retry")}
        </Button>
        <ButtonLink to="/" variant="quiet">
          {_("error.home")}
        </ButtonLink>
      </div>
    </div>
  );
}

/** Last resort when the layout itself fails: the same state on a bare page. */
export function RootErrorBoundary() {
  return (
    <main id="main" tabIndex={-1} className="pt-safe px-safe outline-none">
      <RouteErrorBoundary />
    </main>
  );
}
