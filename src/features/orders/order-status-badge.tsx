import { useLingui } from "@lingui/react";
import type { OrderStatus } from "../../../contract/common";
import { cn } from "../../components/class-names";
import { statusLabel, statusTone, type StatusTone } from "./order-status";

const toneClass: Record<StatusTone, { badge: string; dot: string }> = {
  progress: { badge: "border-gold/60 bg-gold/10 text-text", dot: "bg-gold" },
  shipped: { badge: "border-primary/40 bg-primary-soft text-primary", dot: "bg-primary" },
  done: { badge: "border-success/40 bg-success/10 text-success", dot: "bg-success" },
  stopped: { badge: "border-danger/40 bg-danger/10 text-danger", dot: "bg-danger" },
};

/** An order's status as a badge: its name in words, with a colour cue beside it. */
export function OrderStatusBadge({
  status,
  className,
}: {
  status: OrderStatus;
  className?: string;
}) {
  const { _ } = useLingui();
  const tone = toneClass[statusTone(status)];
  return (
    <span
      className={cn(
        "inline-flex h-7 shrink-0 items-center gap-1.5 rounded-full border px-2.5 text-xs font-semibold whitespace-nowrap",
        tone.badge,
        className,
      )}
    >
      <span aria-hidden="true" className={cn("size-2 rounded-full", tone.dot)} />
      {_(statusLabel[status])}
    </span>
  );
}
