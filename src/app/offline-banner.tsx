import { useLingui } from "@lingui/react";
import { useSyncExternalStore } from "react";
import { CloudOffIcon } from "../components/icons";

function subscribe(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

const isOnline = () => navigator.onLine;

/** Shown while the device reports no connection. */
export function OfflineBanner() {
  const { _ } = useLingui();
  const online = useSyncExternalStore(subscribe, isOnline, () => true);
  return (
    <div role="status" className="print:hidden">
      {online ? null : (
        <p className="flex items-center justify-center gap-2 bg-text py-2 px-safe text-sm font-medium text-surface">
          <CloudOffIcon className="size-4 shrink-0" />
          {_("offline.banner")}
        </p>
      )}
    </div>
  );
}
