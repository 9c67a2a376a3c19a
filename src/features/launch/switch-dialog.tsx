import { useLingui } from "@lingui/react";
import { useEffect, useRef } from "react";
import { Button } from "../../components/button-link";

/**
 * Asked in the standalone shop when a launch link is for another customer than the one signed in
 * in this browser: continue as the new customer, or keep the current one. Escape keeps it.
 */
export function SwitchCustomerDialog({
  currentName,
  onContinue,
  onKeep,
}: {
  currentName: string | null;
  onContinue: () => void;
  onKeep: () => void;
}) {
  const { _ } = useLingui();
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // The safe answer first: an accidental Enter keeps the customer who is signed in.
    keep.current?.focus();
  }, []);
  return (
    <dialog
      ref={dialog}
      onCancel={(event) => {
        event.preventDefault();
        onKeep();
      }}
      aria-labelledby="launch-switch-title"
      aria-describedby="launch-switch-body"
      className="backdrop:bg-black/50 m-auto w-[min(26rem,calc(100vw-2rem))] rounded-card border border-border bg-surface-raised p-6 text-text shadow-card"
    >
      <h2 id="launch-switch-title" className="text-lg font-semibold">
        {_("launch.switch.title")}
      </h2>
      <p id="launch-switch-body" className="mt-2 text-text-muted">
        {currentName
          ? _("launch.switch.body", { name: currentName })
          : _("launch.switch.bodyUnnamed")}
      </p>
      <div className="mt-6 flex flex-col gap-2">
        <Button onClick={onContinue}>{_("launch.switch.continue")}</Button>
        <Button ref={keep} variant="secondary" onClick={onKeep}>
          {_("launch.switch.keep")}
        </Button>
      </div>
    </dialog>
  );
}
