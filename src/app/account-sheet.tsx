import { useLingui } from "@lingui/react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { SessionView } from "../../contract/session";
import { Button, ButtonLink } from "../components/button-link";
import { Icon, type IconProps } from "../components/icon";
import { MapPinIcon, ReceiptIcon } from "../components/icons";
import { addressesQueryOptions } from "../domain/addresses/address-queries";
import { logout, showSignedOut } from "../features/launch/session-api";

function CloseIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M6 6l12 12M18 6 6 18" />
    </Icon>
  );
}

const MAX_ADDRESSES = 3;

/** The customer's saved addresses, a line each ("Ayşe Yılmaz · Kadıköy / İstanbul"). */
function SavedAddresses({ onNavigate }: { onNavigate: () => void }) {
  const { _ } = useLingui();
  const { data, isPending, isError } = useQuery(addressesQueryOptions());
  const addresses = data?.addresses ?? [];
  return (
    <section aria-labelledby="account-sheet-addresses" className="mt-5">
      <h3 id="account-sheet-addresses" className="flex items-center gap-2 font-semibold">
        <MapPinIcon className="size-5 text-text-muted" />
        {_("header.account.addresses")}
      </h3>
      {isPending ? (
        <p className="mt-2 text-sm text-text-muted">{_("header.account.loading")}</p>
      ) : isError ? (
        <p className="mt-2 text-sm text-text-muted">{_("header.account.addressesError")}</p>
      ) : addresses.length === 0 ? (
        <p className="mt-2 text-sm text-text-muted">{_("header.account.noAddresses")}</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm">
          {addresses.slice(0, MAX_ADDRESSES).map((address) => (
            <li key={address.id} className="truncate">
              <span className="font-medium">{address.fullName ?? address.companyName}</span>
              <span className="text-text-muted">
                {" · "}
                {address.county} / {address.city}
              </span>
            </li>
          ))}
        </ul>
      )}
      <ButtonLink variant="quiet" to="/addresses" onClick={onNavigate} className="mt-1 -ml-3">
        {_("header.account.manageAddresses")}
      </ButtonLink>
    </section>
  );
}

/**
 * The account sheet the header's account button opens (a modal dialog, a bottom sheet on phones):
 * for a customer their name, saved addresses, orders and log out (the session's end, then a
 * full page load); for a guest what signing in means here and where their orders are.
 */
export default function AccountSheet({
  session,
  onClose,
}: {
  session: SessionView | null;
  onClose: () => void;
}) {
  const { _ } = useLingui();
  const dialog = useRef<HTMLDialogElement>(null);
  const [leaving, setLeaving] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const customer = session?.customer ?? null;

  const end = () => {
    setLeaving(true);
    setFailed(false);
    void logout().then(showSignedOut, () => {
      setLeaving(false);
      setFailed(true);
    });
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby="account-sheet-title"
      onClose={onClose}
      onClick={(event) => {
        // A tap on the backdrop (outside the sheet's box) closes it.
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
      className="backdrop:bg-black/50 mx-0 mt-auto mb-0 max-h-[85dvh] w-full max-w-none rounded-t-card border border-border bg-surface-raised p-0 text-text shadow-card sm:m-auto sm:w-[min(26rem,calc(100vw-2rem))] sm:rounded-card"
    >
      <div className="p-5 pb-[calc(var(--safe-bottom)+1.25rem)]">
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <h2 id="account-sheet-title" className="text-lg font-semibold">
              {customer
                ? (customer.name ?? _("header.account.signedIn"))
                : _("header.account.guestTitle")}
            </h2>
            <p className="mt-1 text-sm text-text-muted">
              {customer ? _("header.account.signedInHint") : _("header.account.guestBody")}
            </p>
          </div>
          <button
            type="button"
            aria-label={_("header.account.close")}
            onClick={() => dialog.current?.close()}
            className="-mt-2 -mr-2 grid size-12 shrink-0 place-items-center rounded-full text-text-muted hover:bg-surface-sunken"
          >
            <CloseIcon />
          </button>
        </div>
        {customer ? <SavedAddresses onNavigate={onClose} /> : null}
        <div className="mt-5 flex flex-col gap-2">
          <ButtonLink variant="secondary" to="/orders" onClick={onClose} className="gap-2">
            <ReceiptIcon className="size-5" />
            {_("header.account.orders")}
          </ButtonLink>
          {customer ? (
            <>
              <Button onClick={end} disabled={leaving}>
                {leaving ? _("header.account.loggingOut") : _("header.account.logout")}
              </Button>
              <ButtonLink variant="quiet" to="/account" onClick={onClose}>
                {_("header.account.details")}
              </ButtonLink>
            </>
          ) : null}
        </div>
        {failed ? (
          <p role="alert" className="mt-3 text-sm font-medium text-danger">
            {_("header.account.logoutFailed")}
          </p>
        ) : null}
      </div>
    </dialog>
  );
}
