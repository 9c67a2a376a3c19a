import { useLingui } from "@lingui/react";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { EmptyState } from "../../components/empty-state";
import { AlertIcon, LockIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { bridge } from "../../bridge/bridge";
import { LeaveActions } from "./leave-actions";
import { isFramed } from "../../bridge/host";
import { applyTheme, resetTheme } from "../../bridge/theme";
import { switchLocale } from "../../i18n/i18n";
import { fetchSession, launchTokenCustomer } from "./session-api";
import { readLaunchFragment, startSession } from "./start-session";
import { currentSessionKey } from "../../domain/session/session-query";
import { SwitchCustomerDialog } from "./switch-dialog";

type Status = "working" | "confirm" | "missing" | "expired" | "failed";

/**
 * The customer signed in in this browser when the launch is for someone else, else null. Only
 * the standalone shop asks: inside a partner app (or frame) the host is the authority.
 */
async function otherCustomerSignedIn(token: string): Promise<{ name: string | null } | null> {
  if (bridge.embedded || isFramed(window)) return null;
  const incoming = launchTokenCustomer(token);
  if (!incoming) return null;
  const current = await fetchSession().catch(() => null);
  return current?.customer && current.customer.id !== incoming
    ? { name: current.customer.name }
    : null;
}

/**
 * Entry point of embedded mode: /launch#token=…&to=…. The token lives only in the fragment (never
 * sent to a server, never in a Referer); it is removed from the address bar immediately, swapped
 * once for the HttpOnly session cookie, and the customer lands on `to` (our own routes only).
 */
export function LaunchPage() {
  const { _, i18n } = useLingui();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Read once, before the effect drops the fragment (StrictMode renders twice).
  const [launch] = useState(() => readLaunchFragment(window.location.hash, window.location.origin));
  const [status, setStatus] = useState<Status>(launch.token ? "working" : "missing");
  const started = useRef(false);
  const [signedIn, setSignedIn] = useState<{ name: string | null } | null>(null);

  const swap = useCallback(
    (token: string) =>
      startSession(token).then(async (outcome) => {
        if (!outcome.ok) {
          // The host mints a new token and launches again (or closes the shop).
          if (outcome.reason === "expired") bridge.send("auth.expired", {});
          setStatus(outcome.reason);
          return;
        }
        // Nothing cached for a previous customer may show through, nor a previous partner's look.
        queryClient.clear();
        // The header's who-is-signed-in, asked before the launch finished, is this session now.
        queryClient.setQueryData(currentSessionKey, outcome.session);
        resetTheme();
        if (outcome.session.theme) applyTheme({ variables: outcome.session.theme });
        if (outcome.session.locale !== i18n.locale) await switchLocale(outcome.session.locale);
        await navigate(launch.to, { replace: true });
      }),
    [launch, navigate, queryClient, i18n],
  );

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (window.location.hash)
      window.history.replaceState(window.history.state, "", window.location.pathname);
    const token = launch.token;
    if (!token) return;
    void otherCustomerSignedIn(token).then(async (other) => {
      if (!other) {
        await swap(token);
        return;
      }
      setSignedIn(other);
      setStatus("confirm");
    });
  }, [launch, swap]);

  if (status === "confirm") {
    const token = launch.token ?? "";
    return (
      <>
        <PageHeader title={_("launch.switch.title")} hideTitle />
        <SwitchCustomerDialog
          currentName={signedIn?.name ?? null}
          onContinue={() => {
            setStatus("working");
            void swap(token);
          }}
          onKeep={() => void navigate("/", { replace: true })}
        />
      </>
    );
  }

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
        actions={<LeaveActions />}
      />
    </>
  );
}
