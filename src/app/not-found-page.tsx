import { useLingui } from "@lingui/react";
import { ButtonLink } from "../components/button-link";
import { CompassIcon } from "../components/icons";
import { PageHeader } from "../components/page-header";

export function NotFoundContent() {
  const { _ } = useLingui();
  return (
    <div className="mx-auto flex max-w-md flex-col items-center py-8 text-center md:py-16">
      <div className="grid size-16 place-items-center rounded-full bg-primary-soft text-primary">
        <CompassIcon className="size-8" />
      </div>
      <p className="mt-6 price text-sm font-semibold tracking-widest text-text-muted">404</p>
      <div className="mt-2">
        <PageHeader title={_("notFound.title")} description={_("notFound.body")} />
      </div>
      <div className="flex w-full max-w-xs flex-col gap-2">
        <ButtonLink to="/">{_("notFound.home")}</ButtonLink>
        <ButtonLink to="/orders" variant="quiet">
          {_("notFound.orders")}
        </ButtonLink>
      </div>
    </div>
  );
}

export function NotFoundPage() {
  return <NotFoundContent />;
}
