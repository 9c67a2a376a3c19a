import { useSyncExternalStore } from "react";
import type { Metal } from "../../../contract/common";
import { getPrices, streamPrices } from "../../../contract/api/prices";
import type { MetalQuote, SkuQuote } from "../../../contract/prices";
import { api, href } from "../../lib/api";
import {
  createLivePricesStore,
  type LivePricesState,
  type LivePricesStore,
} from "./live-prices-store";

let store: LivePricesStore | null = null;

/** The app's one live-price store, created on first use (in the browser only). */
function livePrices(): LivePricesStore {
  store ??= createLivePricesStore({
    streamUrl: href(streamPrices),
    openStream: (url) => new EventSource(url),
    fetchSnapshot: () => api(getPrices),
    visibility: {
      isHidden: () => document.visibilityState === "hidden",
      onChange: (listener) => {
        document.addEventListener("visibilitychange", listener);
        return () => document.removeEventListener("visibilitychange", listener);
      },
    },
  });
  return store;
}

const subscribe = (listener: () => void) => livePrices().subscribe(listener);

function useLivePrices<T>(select: (state: LivePricesState) => T): T {
  return useSyncExternalStore(subscribe, () => select(livePrices().getState()));
}

/** Bid/ask/change of one metal; re-renders only when that metal's quote changes. */
export function useMetalQuote(metal: Metal): MetalQuote | undefined {
  return useLivePrices((state) => state.metals[metal]);
}

/** Live bid/ask of one SKU; re-renders only when that SKU's quote changes. */
export function useSkuQuote(sku: string): SkuQuote | undefined {
  return useLivePrices((state) => state.products[sku]);
}

/** When the last price snapshot arrived (local ms), or null. */
export function usePricesReceivedAt(): number | null {
  return useLivePrices((state) => state.receivedAt);
}

export function usePricesCurrency(): LivePricesState["currency"] {
  return useLivePrices((state) => state.currency);
}
