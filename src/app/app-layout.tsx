import { useLingui } from "@lingui/react";
import { useEffect, useRef, type ReactNode, type RefObject } from "react";
import {
  Link,
  Outlet,
  ScrollRestoration,
  useLocation,
  useMatches,
  useNavigation,
} from "react-router";
import { cn } from "../components/class-names";
import { LazyToaster } from "../components/toasts";
import { AccountLink } from "./account-link";
import { BasketLink } from "./basket-link";
import { CurrencySwitch } from "./currency-switch";
import { CloseShopButton, EmbedBridge } from "./embed-bridge";
import { LangParam } from "./lang-param";
import { LanguageSwitch } from "./language-switch";
import { MainNav } from "./main-nav";
import { MintedLogo } from "../components/minted-logo";
import { OfflineBanner } from "./offline-banner";
import { PriceStrip } from "./price-strip";

/** After client-side navigation, move focus to the new page's heading (not on first load). */
function useFocusHeadingOnNavigation(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const target = main.current?.querySelector("h1") ?? main.current;
    target?.focus({ preventScroll: true });
  }, [pathname, main]);
}

/**
 * Focus mode (checkout): a route's `handle` says `{ focus: true }`; then the phone's bottom tab
 * bar and the live price strip step aside, so only the step and its footer remain.
 */
function useFocusMode(): boolean {
  return useMatches().some(
    ({ handle }) => typeof handle === "object" && handle !== null && "focus" in handle,
  );
}

function NavigationProgress() {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  return (
    <div aria-hidden="true" className="pointer-events-none fixed inset-x-0 top-0 z-50 h-0.5">
      <div
        className={cn(
          "h-full bg-primary transition-[width,opacity] ease-out",
          busy ? "w-3/4 opacity-100 duration-[2000ms]" : "w-full opacity-0 duration-300",
        )}
      />
    </div>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const { _ } = useLingui();
  const main = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigation(main);
  const focus = useFocusMode();

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
          main.current?.scrollIntoView();
        }}
        className="sr-only z-50 rounded-control bg-primary px-4 py-3 font-semibold text-primary-contrast focus:not-sr-only focus:fixed focus:top-[calc(var(--safe-top)+0.5rem)] focus:left-[max(0.5rem,var(--safe-left))]"
      >
        {_("a11y.skipToContent")}
      </a>
      <NavigationProgress />
      <LangParam />
      <EmbedBridge />
      <header className="sticky top-0 z-30 border-b border-border bg-surface-raised pt-safe print:hidden">
        <div className="mx-auto flex h-16 max-w-6xl items-center gap-2 px-safe sm:gap-4">
          {/* Narrow phones get the mark only, the narrowest none (Katalog is in the bottom
              bar): the switches, basket and close button must fit without a sideways scroll. */}
          <Link
            to="/"
            aria-label={_("header.home")}
            className="-ml-1 flex min-h-12 min-w-12 items-center justify-center rounded-control px-1 text-text max-[22.5rem]:hidden"
          >
            <MintedLogo className="h-7 w-auto max-[26rem]:hidden" />
            <MintedLogo compact className="size-7 min-[26rem]:hidden" />
          </Link>
          <div className={cn("contents", focus && "max-md:hidden")}>
            <MainNav />
          </div>
          <div className="-mr-2 ml-auto flex items-center gap-1">
            <CurrencySwitch />
            <LanguageSwitch />
            <BasketLink />
            <AccountLink />
            <CloseShopButton />
          </div>
        </div>
      </header>
      <OfflineBanner />
      {focus ? null : <PriceStrip />}
      <main
        ref={main}
        id="main"
        tabIndex={-1}
        className={cn(
          "mx-auto w-full max-w-6xl flex-1 pt-6 px-safe outline-none md:pt-10 md:pb-16 print:max-w-none print:p-0",
          // In focus mode the step's own sticky footer ends the page (no tab bar to clear).
          focus ? "pb-0" : "pb-[calc(var(--nav-height)+var(--safe-bottom)+2rem)]",
        )}
      >
        {children}
      </main>
      <div className="print:hidden">
        <LazyToaster />
      </div>
      <ScrollRestoration />
    </div>
  );
}

export function AppLayout() {
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}
