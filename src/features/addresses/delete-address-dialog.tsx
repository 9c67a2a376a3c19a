import { useLingui } from "@lingui/react";
import { useEffect, useRef } from "react";
import type { Address } from "../../../contract/addresses";
import { Button } from "../../components/button-link";
import { AddressSummary } from "../../domain/addresses/address-summary";

/** Asks before a saved address is deleted, showing the address itself. */
export function DeleteDialog({
  address,
  onCancel,
  onConfirm,
}: {
  address: Address | null;
  onCancel: () => void;
  onConfirm: (address: Address) => void;
}) {
  const { _ } = useLingui();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (address && !element.open) element.showModal();
    if (!address && element.open) element.close();
  }, [address]);
  return (
    <dialog
      ref={dialog}
      onClose={onCancel}
      aria-labelledby="addresses-delete-title"
      aria-describedby="addresses-delete-body"
      className="backdrop:bg-black/50 m-auto w-[min(24rem,calc(100vw-2rem))] rounded-card border border-border bg-surface-raised p-6 text-text shadow-card"
    >
      <h2 id="addresses-delete-title" className="text-lg font-semibold">
        {_("addresses.page.deleteTitle")}
      </h2>
      <div id="addresses-delete-body" className="mt-2 text-text-muted">
        {address ? (
          <AddressSummary
            address={address}
            className="my-3 rounded-control border border-border bg-surface-sunken p-3"
          />
        ) : null}
        <p>{_("addresses.page.deleteBody")}</p>
      </div>
      <form method="dialog" className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" type="submit">
          {_("addresses.page.deleteCancel")}
        </Button>
        <Button
          variant="danger"
          onClick={() => {
            if (address) onConfirm(address);
            dialog.current?.close();
          }}
        >
          {_("addresses.page.deleteConfirm")}
        </Button>
      </form>
    </dialog>
  );
}
