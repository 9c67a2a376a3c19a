import { useLingui } from "@lingui/react";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { useEmbedded } from "../bridge/bridge";
import { Icon, type IconProps } from "../components/icon";
import { currentSessionQueryOptions } from "../domain/session/session-query";
import { initialsOf } from "./initials";

/** The sheet (addresses, log out) loads when first opened, not with the shell. */
const AccountSheet = lazy(() => import("./account-sheet"));

function PersonIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="12" cy="8" r="3.75" />
      <path d="M4.75 20c.9-3.6 3.8-5.75 7.25-5.75S18.35 16.4 19.25 20" />
    </Icon>
  );
}

/**
 * The standalone shop's account button: who is signed in (the customer's initials, the name on
 * wider screens) or a guest's person icon; it opens the account sheet. Inside a partner app the
 * host owns sign-in and sign-out, so there is none.
 */
export function AccountLink() {
  const { _ } = useLingui();
  const embedded = useEmbedded();
  const { data: session } = useQuery({ ...currentSessionQueryOptions(), enabled: !embedded });
  const [open, setOpen] = useState(false);
  if (embedded) return null;
  const customer = session?.customer ?? null;
  const name = customer?.name ?? null;
  const initials = name ? initialsOf(name) : "";
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-label={
          customer
            ? name
              ? _("header.account.openNamed", { name })
              : _("header.account")
            : _("header.account.openGuest")
        }
        onClick={() => setOpen(true)}
        className="flex min-h-12 min-w-12 items-center justify-center gap-2 rounded-full text-text hover:bg-surface-sunken lg:px-1"
      >
        {initials ? (
          <span
            aria-hidden="true"
            data-testid="account-initials"
            className="grid size-9 place-items-center rounded-full bg-primary text-sm font-semibold text-primary-contrast"
          >
            {initials}
          </span>
        ) : (
          <PersonIcon />
        )}
        {name ? (
          <span aria-hidden="true" className="hidden max-w-40 truncate pr-2 text-sm lg:inline">
            {name}
          </span>
        ) : null}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <AccountSheet session={session ?? null} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
