import { useLingui } from "@lingui/react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { BagIcon } from "../components/icons";
import { basketQueryOptions } from "../features/basket/basket-queries";

/** Announce after the count settles, so five quick taps are one announcement, not five. */
const announceDelayMs = 700;

/**
 * The number of items, announced politely once it settles (from one live region only: the
 * link's own name changes too, but names are not announced on change).
 */
function useCountAnnouncement(count: number | undefined): string {
  const { _ } = useLingui();
  const previous = useRef<number | undefined>(undefined);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    if (count === undefined) return undefined;
    const before = previous.current;
    previous.current = count;
    if (before === undefined || before === count) return undefined;
    const message =
      count === 0
        ? _("basket.announce.empty")
        : count > before
          ? _("basket.announce.added", { count })
          : _("basket.announce.updated", { count });
    const id = window.setTimeout(() => setAnnouncement(message), announceDelayMs);
    return () => window.clearTimeout(id);
  }, [count, _]);
  return announcement;
}

/** Header basket button: the count changes the moment the basket does (optimistically). */
export function BasketLink() {
  const { _ } = useLingui();
  const { data } = useQuery(basketQueryOptions());
  const count = data?.itemCount ?? 0;
  const announcement = useCountAnnouncement(data?.itemCount);
  return (
    <>
      <Link
        to="/basket"
        aria-label={_("header.basketLink", { count })}
        className="relative grid size-12 place-items-center rounded-full text-text hover:bg-surface-sunken"
      >
        <BagIcon />
        {count > 0 ? (
          <span
            aria-hidden="true"
            data-testid="basket-badge"
            className="absolute top-1 right-0.5 grid h-5 min-w-5 place-items-center rounded-full bg-primary px-1 price text-[0.6875rem] leading-none font-semibold text-primary-contrast ring-2 ring-surface-raised"
          >
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </Link>
      <span role="status" className="sr-only">
        {announcement}
      </span>
    </>
  );
}
