import { useLingui } from "@lingui/react";
import { hashKey, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useLocation, useNavigate, type NavigateFunction } from "react-router";
import { z } from "zod/mini";
import type { BridgeCommand } from "../../contract/bridge";
import { currencySchema } from "../../contract/common";
import { bridge, useEmbedded } from "../bridge/bridge";
import { setDisplayCurrency } from "../domain/prices/display-currency";
import { captureExternalLinks } from "../bridge/links";
import { applyInsets, applyTheme, themeVariables } from "../bridge/theme";
import { Icon, type IconProps } from "../components/icon";
import { basketKeys } from "../features/basket/basket-queries";
import { receiptKeys } from "../features/receipt/receipt-queries";
import { switchLocale } from "../i18n/i18n";
import { ApiProblem } from "../lib/api";

/**
 * The app's side of the host bridge: answers the host's commands, and tells the host what
 * happens in the shop (basket, checkout, orders). Everything here is a no-op when standalone.
 */

// ------------------------------------------------------------------------- commands

/** React Router numbers its history entries; 0 is where this page view started. */
function historyIndex(): number {
  const state: unknown = window.history.state;
  return typeof state === "object" &&
    state !== null &&
    "idx" in state &&
    typeof state.idx === "number"
    ? state.idx
    : 0;
}

async function handleCommand(
  command: BridgeCommand,
  deps: { navigate: NavigateFunction; queryClient: QueryClient },
): Promise<void> {
  switch (command.type) {
    case "theme.set": {
      const { colorScheme } = command.payload;
      applyTheme({
        variables: themeVariables(command.payload),
        ...(colorScheme ? { colorScheme } : {}),
      });
      return;
    }
    case "locale.set":
      await switchLocale(command.payload.locale);
      return;
    case "currency.set":
      setDisplayCurrency(command.payload.currency);
      return;
    case "insets.set":
      applyInsets(command.payload);
      return;
    case "back": {
      // Walks the shop's own history; at its first page the host decides (close, or its back).
      const handled = historyIndex() > 0;
      if (handled) await deps.navigate(-1);
      bridge.send("back.result", { handled }, command.id);
      return;
    }
    case "session.refresh": {
      const { startSession } = await import("../features/launch/start-session");
      const outcome = await startSession(command.payload.token);
      if (!outcome.ok) {
        bridge.send("auth.expired", {});
        return;
      }
      sessionLossTold = false;
      await deps.queryClient.resetQueries();
      return;
    }
    case "session.end": {
      const { logout } = await import("../features/launch/session-api");
      const ended = await logout().then(
        () => true,
        () => false,
      );
      // The host ended it on purpose: no `auth.expired` for the 401s that follow.
      sessionLossTold = true;
      await deps.navigate("/signed-out", { replace: true });
      // Nothing of the customer's stays in memory (the signed-out page shows none of it).
      deps.queryClient.clear();
      bridge.send("session.ended", { ended }, command.id);
      return;
    }
  }
}

// ------------------------------------------------------------------------- events

const basketSummarySchema = z.object({
  itemCount: z.number(),
  currency: currencySchema,
  totals: z.object({ total: z.number() }),
});

const receiptSummarySchema = z.object({
  orderCode: z.string(),
  currency: currencySchema,
  totals: z.object({ total: z.number() }),
  payment: z.nullable(z.object({ state: z.string() })),
  status: z.string(),
});

const COMPLETED_KEY = "minted.embed.completed";
const COMPLETED_KEPT = 50;

/** Order codes `order.completed` went out for: kept across reloads and app restarts. */
function completedOrders(): string[] {
  try {
    const parsed = z
      .array(z.string())
      .safeParse(JSON.parse(localStorage.getItem(COMPLETED_KEY) ?? "[]"));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

const announced = new Set<string>();

/** `order.completed` exactly once per order, even after a reload. */
function announceCompleted(order: z.infer<typeof receiptSummarySchema>): void {
  const known = completedOrders();
  if (announced.has(order.orderCode) || known.includes(order.orderCode)) return;
  announced.add(order.orderCode);
  try {
    localStorage.setItem(
      COMPLETED_KEY,
      JSON.stringify([...known, order.orderCode].slice(-COMPLETED_KEPT)),
    );
  } catch {
    // Storage refused: the in-memory set still prevents repeats in this page view.
  }
  bridge.send("order.completed", {
    order_code: order.orderCode,
    total: order.totals.total,
    currency: order.currency,
  });
}

const basketHash = hashKey(basketKeys.current());
/** `["receipts",` — every receipt's key starts so (receiptKeys.detail). */
const receiptsHashPrefix = hashKey(receiptKeys.all).slice(0, -1) + ",";

/** Tells the host about basket changes and orders this tab placed, from the query cache. */
function watchQueries(queryClient: QueryClient): () => void {
  let lastBasket = "";
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== "updated" || event.action.type !== "success") return;
    const hash = event.query.queryHash;
    if (hash === basketHash) {
      const basket = basketSummarySchema.safeParse(event.query.state.data);
      if (!basket.success) return;
      const payload = {
        count: basket.data.itemCount,
        total: basket.data.totals.total,
        currency: basket.data.currency,
      };
      const key = JSON.stringify(payload);
      if (key === lastBasket) return;
      lastBasket = key;
      bridge.send("basket.changed", payload);
    } else if (hash.startsWith(receiptsHashPrefix)) {
      const receipt = receiptSummarySchema.safeParse(event.query.state.data);
      if (!receipt.success || receipt.data.payment?.state !== "paid") return;
      const order = receipt.data;
      // Only orders this tab placed (a receipt opened later is not a completion).
      void import("../features/checkout/checkout-session").then(({ readOrderRecord }) => {
        if (readOrderRecord()?.orderCode === order.orderCode) announceCompleted(order);
      });
    }
  });
}

/**
 * Inside an app the customer always arrives with a session, so a 401 from the proxy means it
 * ran out (or was revoked): the host is told once, and can answer with `session.refresh`.
 */
let sessionLossTold = false;

function watchSessionLoss(queryClient: QueryClient): () => void {
  const onError = (error: unknown) => {
    if (sessionLossTold || !(error instanceof ApiProblem) || error.status !== 401) return;
    sessionLossTold = true;
    bridge.send("auth.expired", {});
  };
  const queries = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === "updated" && event.action.type === "error") onError(event.action.error);
  });
  const mutations = queryClient.getMutationCache().subscribe((event) => {
    if (event.type === "updated" && event.action.type === "error") onError(event.action.error);
  });
  return () => {
    queries();
    mutations();
  };
}

/** Focused fields stay above the on-screen keyboard (Chrome shrinks only the visual viewport). */
function keepFocusVisible(): () => void {
  const viewport = window.visualViewport;
  if (!viewport) return () => undefined;
  const onResize = () => {
    const root = document.documentElement;
    const covered = Math.max(0, window.innerHeight - viewport.height - viewport.offsetTop);
    root.style.setProperty("--keyboard-inset", `${String(Math.round(covered))}px`);
    // A keyboard (not a pinch zoom) covers the bottom: bars fixed there step aside, so the
    // focused field and the page's own primary action stay in view (styles.css).
    if (covered > 120 && viewport.scale === 1) root.dataset.keyboard = "open";
    else delete root.dataset.keyboard;
    const active = document.activeElement;
    if (
      active instanceof HTMLElement &&
      active.matches("input, textarea, select, [contenteditable]")
    )
      active.scrollIntoView({ block: "center", behavior: "instant" });
  };
  viewport.addEventListener("resize", onResize);
  return () => {
    viewport.removeEventListener("resize", onResize);
    delete document.documentElement.dataset.keyboard;
  };
}

export function EmbedBridge() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const embedded = useEmbedded();
  const { pathname } = useLocation();
  const inCheckout = useRef(false);

  useEffect(() => {
    bridge.onCommand((command) => handleCommand(command, { navigate, queryClient }));
    return () => bridge.onCommand(null);
  }, [navigate, queryClient]);

  useEffect(() => (embedded ? watchQueries(queryClient) : undefined), [embedded, queryClient]);
  useEffect(() => (embedded ? captureExternalLinks(bridge) : undefined), [embedded]);
  useEffect(() => (embedded ? keepFocusVisible() : undefined), [embedded]);
  useEffect(() => (embedded ? watchSessionLoss(queryClient) : undefined), [embedded, queryClient]);

  useEffect(() => {
    const now = /^\/checkout(\/(address|review|pay))?\/?$/.test(pathname);
    if (now && !inCheckout.current) bridge.send("checkout.started", {});
    inCheckout.current = now;
  }, [pathname]);

  return null;
}

function CloseIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M6 6l12 12M18 6L6 18" />
    </Icon>
  );
}

/** Inside a partner app: a way back to the app (the host closes the shop). */
export function CloseShopButton() {
  const { _ } = useLingui();
  if (!useEmbedded()) return null;
  return (
    <button
      type="button"
      onClick={() => bridge.send("close.requested", {})}
      aria-label={_("embed.close")}
      className="grid size-12 place-items-center rounded-control text-text hover:bg-surface-sunken"
    >
      <CloseIcon className="size-6" />
    </button>
  );
}
