import { useLingui } from "@lingui/react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button, ButtonLink } from "../../components/button-link";
import { EmptyState } from "../../components/empty-state";
import { AlertIcon, LockIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { fetchSession, logout, logoutEverywhere, sessionKeys, showSignedOut } from "./session-api";

type Ending = "here" | "everywhere";

/** The standalone shop's account page: who is signed in, log out, log out on all devices. */
export function AccountPage() {
  const { _ } = useLingui();
  const session = useQuery({
    queryKey: sessionKeys.me,
    queryFn: ({ signal }) => fetchSession(signal),
    // Asked every time: the session may have ended on another device meanwhile.
    staleTime: 0,
    refetchOnMount: "always",
  });
  const [ending, setEnding] = useState<Ending | null>(null);
  const [failed, setFailed] = useState(false);

  const end = (how: Ending) => {
    setEnding(how);
    setFailed(false);
    void (how === "here" ? logout() : logoutEverywhere()).then(showSignedOut, () => {
      setEnding(null);
      setFailed(true);
    });
  };

  let content;
  if (session.isPending) {
    content = (
      <p role="status" className="text-text-muted">
        {_("account.loading")}
      </p>
    );
  } else if (session.isError) {
    content = (
      <EmptyState
        icon={<AlertIcon />}
        title={_("account.error.title")}
        body={_("account.error.body")}
        actions={
          <Button onClick={() => void session.refetch()} disabled={session.isFetching}>
            {_("error.retry")}
          </Button>
        }
      />
    );
  } else if (!session.data?.customer) {
    content = (
      <EmptyState
        icon={<LockIcon />}
        title={_("account.signedOut.title")}
        body={_("account.signedOut.body")}
        actions={<ButtonLink to="/">{_("launch.toCatalog")}</ButtonLink>}
      />
    );
  } else {
    const { name } = session.data.customer;
    content = (
      <section
        aria-labelledby="account-signed-in"
        className="rounded-card border border-border bg-surface-raised p-6 shadow-card"
      >
        <h2 id="account-signed-in" className="text-lg font-semibold">
          {name ? _("account.signedInAs", { name }) : _("account.signedIn")}
        </h2>
        <p className="mt-2 text-text-muted">{_("account.everywhereHint")}</p>
        <div className="mt-6 flex flex-col gap-2 sm:flex-row">
          <Button onClick={() => end("here")} disabled={ending !== null}>
            {ending === "here" ? _("account.loggingOut") : _("account.logout")}
          </Button>
          <Button variant="secondary" onClick={() => end("everywhere")} disabled={ending !== null}>
            {ending === "everywhere" ? _("account.loggingOut") : _("account.logoutEverywhere")}
          </Button>
        </div>
        {failed ? (
          <p role="alert" className="mt-4 font-medium text-danger">
            {_("account.logoutFailed")}
          </p>
        ) : null}
      </section>
    );
  }

  return (
    <>
      <PageHeader title={_("account.title")} />
      {content}
    </>
  );
}
