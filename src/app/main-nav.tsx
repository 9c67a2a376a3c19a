import { useLingui } from "@lingui/react";
import type { ComponentType } from "react";
import { Link, useLocation } from "react-router";
import { cn } from "../components/class-names";
import { BagIcon, GridIcon, ReceiptIcon, WalletIcon } from "../components/icons";
import { msg } from "../i18n/i18n";

interface NavItem {
  to: string;
  label: string;
  icon: ComponentType<{ className?: string }>;
  /** Sections that belong to this item (product pages belong to the catalog, etc.). */
  matches: (pathname: string) => boolean;
}

const items: NavItem[] = [
  {
    to: "/",
    label: msg("nav.catalog"),
    icon: GridIcon,
    matches: (p) => p === "/" || p.startsWith("/products/"),
  },
  {
    to: "/basket",
    label: msg("nav.basket"),
    icon: BagIcon,
    matches: (p) => p.startsWith("/basket") || p.startsWith("/checkout"),
  },
  {
    to: "/orders",
    label: msg("nav.orders"),
    icon: ReceiptIcon,
    matches: (p) => p.startsWith("/orders") || p.startsWith("/receipt-lookup"),
  },
  {
    to: "/wallet",
    label: msg("nav.wallet"),
    icon: WalletIcon,
    matches: (p) => p.startsWith("/wallet"),
  },
];

/**
 * Primary navigation: a bottom tab bar on phones (thumb reach), inline links in the header on
 * wider screens. One element, so there is one navigation landmark.
 */
export function MainNav() {
  const { _ } = useLingui();
  const { pathname } = useLocation();
  return (
    <nav
      aria-label={_("nav.label")}
      className="fixed inset-x-0 bottom-0 z-30 keyboard-hide border-t border-border bg-surface-raised pb-safe md:static md:z-auto md:border-0 md:bg-transparent md:pb-0 print:hidden"
    >
      <ul className="mx-auto grid max-w-lg grid-cols-4 px-2 md:flex md:max-w-none md:gap-1 md:px-0">
        {items.map(({ to, label, icon: ItemIcon, matches }) => {
          const active = matches(pathname);
          return (
            <li key={to} className="flex">
              <Link
                to={to}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "group flex min-h-16 flex-1 flex-col items-center justify-center gap-0.5 rounded-control text-xs font-medium transition-colors",
                  "md:min-h-12 md:px-0.5 md:text-[0.9375rem]",
                  active ? "text-primary" : "text-text-muted hover:text-text",
                )}
              >
                <span
                  className={cn(
                    "grid h-7 w-14 place-items-center rounded-full transition-colors md:hidden",
                    active && "bg-primary-soft",
                  )}
                >
                  <ItemIcon className="size-[1.375rem]" />
                </span>
                <span
                  className={cn(
                    "md:rounded-full md:px-3.5 md:py-2 md:transition-colors",
                    active ? "md:bg-primary-soft" : "md:group-hover:bg-surface-sunken",
                  )}
                >
                  {_(label)}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
