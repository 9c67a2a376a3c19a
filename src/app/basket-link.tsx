import { useLingui } from "@lingui/react";
import { Link } from "react-router";
import { BagIcon } from "../components/icons";

/** Header basket button. Its accessible name always includes the item count. */
export function BasketLink({ count }: { count: number }) {
  const { _ } = useLingui();
  return (
    <Link
      to="/basket"
      aria-label={_("header.basketLink", { count })}
      className="relative grid size-12 place-items-center rounded-full text-text hover:bg-surface-sunken"
    >
      <BagIcon />
      {count > 0 ? (
        <span
          aria-hidden="true"
          className="absolute top-1 right-0.5 grid h-5 min-w-5 place-items-center rounded-full bg-primary px-1 price text-[0.6875rem] leading-none font-semibold text-primary-contrast ring-2 ring-surface-raised"
        >
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
