import { useLingui } from "@lingui/react";
import { ClockIcon } from "../../components/action-icons";
import { cn } from "../../components/class-names";
import { SpinnerIcon } from "../../components/icons";
import { countdownAnnouncement, formatCountdown } from "../../domain/price-fix";

/**
 * How long the fixed price holds, on the checkout's monotonic countdown; "getting the new
 * price" once it ran out. Screen readers hear it at a minute, 30 s, 10 s and on expiry only.
 */
export function WalletCountdown({ left, className }: { left: number; className?: string }) {
  const { _ } = useLingui();
  const running = left > 0;
  const urgent = running && left <= 30;
  const said = countdownAnnouncement(left);
  let announcement = "";
  if (said?.kind === "expired") announcement = _("checkout.price.expiredAnnouncement");
  else if (said?.seconds === 60) announcement = _("checkout.price.minuteAnnouncement");
  else if (said) announcement = _("checkout.price.leftAnnouncement", { seconds: said.seconds });
  return (
    <div
      className={cn(
        "flex min-h-12 items-center gap-2 rounded-control px-3 py-2 text-sm text-text",
        urgent ? "bg-danger/10" : "bg-primary-soft",
        className,
      )}
    >
      {running ? (
        <>
          <ClockIcon className={cn("size-5 shrink-0", urgent ? "text-danger" : "text-primary")} />
          <p>
            {_("checkout.price.holdsFor")}{" "}
            <span role="timer" className="price font-semibold">
              {formatCountdown(left)}
            </span>
          </p>
        </>
      ) : (
        <>
          <SpinnerIcon className="size-5 shrink-0 animate-spin text-primary motion-reduce:animate-none" />
          <p>{_("checkout.price.renewing")}</p>
        </>
      )}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
