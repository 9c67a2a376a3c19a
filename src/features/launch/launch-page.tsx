import { useLingui } from "@lingui/react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { Button, ButtonLink } from "../../components/button-link";
import { EmptyState } from "../../components/empty-state";
import { AlertIcon, LockIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { bridge, useEmbedded } from "../../bridge/bridge";
import { applyTheme, resetTheme } from "../../bridge/theme";
import { switchLocale } from "../../i18n/i18n";
import { readLaunchFragment, startSession } from "./start-session";

type Status = "working" | "missing" | "expired" | "failed";

/**
 * Entry point of embedded mode: /launch#token=…&to=…. The token lives only in the fragment (never
 * sent to a server, never in a Referer); it is removed from the address bar immediately, swapped
 * once for the HttpOnly session cookie, and the customer lands on `to` (our own routes only).
 */
export function LaunchPage() {
  const { _, i18n } = useLingui();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const embedded = useEmbedded();
  // Read once, before the effect drops the fragment (StrictMode renders twice).
  const [launch] = useState(() => readLaunchFragment(window.location.hash, window.location.origin));
  const [status, setStatus] = useState<Status>(launch.token ? "working" : "missing");
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (window.location.hash)
      window.history.replaceState(window.history.state, "", window.location.pathname);
    if (!launch.token) return;
    void startSession(launch.token).then(async (outcome) => {
      if (!outcome.ok) {
        // The host mints a new token and launches again (or closes the shop).
        if (outcome.reason === "expired") bridge.send("auth.expired", {});
        setStatus(outcome.reason);
        return;
      }
      // Nothing cached for a previous customer may show through, nor a previous partner's look.
      queryClient.clear();
      resetTheme();
      if (outcome.session.theme) applyTheme({ variables: outcome.session.theme });
      if (outcome.session.locale !== i18n.locale) await switchLocale(outcome.session.locale);
      await navigate(launch.to, { replace: true });
    });
  }, [launch, navigate, queryClient, i18n]);

  if (status === "working") {
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

  const copy = {
    missing: { title: _("launch.invalid.title"), body: _("launch.invalid.body") },
    expired: { title: _("launch.expired.title"), body: _("launch.expired.body") },
    failed: { title: _("launch.failed.title"), body: _("launch.failed.body") },
  }[status];
  return (
    <>
      <PageHeader title={copy.title} hideTitle />
      <EmptyState
        icon={<AlertIcon />}
        title={copy.title}
        body={copy.body}
        actions={
          <>
            {embedded ? (
              <Button onClick={() => bridge.send("close.requested", {})}>
                {_("launch.backToApp")}
              </Button>
            ) : null}
            <ButtonLink to="/" variant={embedded ? "secondary" : "primary"}>
              {_("launch.toCatalog")}
            </ButtonLink>
          </>
        }
      />
    </>
  );
}
