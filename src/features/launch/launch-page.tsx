import { useLingui } from "@lingui/react";
import { useLocation } from "react-router";
import { ButtonLink } from "../../components/button-link";
import { EmptyState } from "../../components/empty-state";
import { AlertIcon, LockIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";

/** Entry point for embedded mode: /launch#token=… (the token never leaves the fragment here). */
export function LaunchPage() {
  const { _ } = useLingui();
  const { hash } = useLocation();
  const hasToken = new URLSearchParams(hash.replace(/^#/, "")).has("token");

  if (!hasToken) {
    return (
      <>
        <PageHeader title={_("launch.title")} hideTitle />
        <EmptyState
          icon={<AlertIcon />}
          title={_("launch.invalid.title")}
          body={_("launch.invalid.body")}
          actions={<ButtonLink to="/">{_("notFound.home")}</ButtonLink>}
        />
      </>
    );
  }

  return (
    <div className="flex flex-col items-center py-16 text-center">
      <div className="grid size-16 place-items-center rounded-full bg-primary-soft text-primary">
        <LockIcon className="size-8" />
      </div>
      <div className="mt-6">
        <PageHeader title={_("launch.title")} />
      </div>
      <p role="status" className="-mt-3 text-text-muted">
        {_("launch.signingIn")}
      </p>
    </div>
  );
}
