import { queryOptions } from "@tanstack/react-query";
import {
  digitalOrderSchema,
  digitalQuoteSchema,
  type DigitalOrder,
  type DigitalOrderBody,
  type DigitalQuote,
  type DigitalQuoteBody,
} from "../../../contract/digital";
import {
  walletBasketSchema,
  walletOrderListSchema,
  walletOrderSchema,
  walletReceiptSchema,
  walletSchema,
  type WalletBasket,
  type WalletBasketType,
  type WalletOrder,
} from "../../../contract/wallet";
import { api } from "../../lib/api";
import type { WalletSearch } from "./wallet-search";
import { sendChangeOnce } from "../../domain/change-once";

/** The wallet's calls to the proxy, each answer parsed with the shared contract. */

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export const walletKeys = {
  all: ["wallet"] as const,
  balances: () => [...walletKeys.all, "balances"] as const,
  orders: (search?: WalletSearch) =>
    search
      ? ([...walletKeys.all, "orders", search.txType ?? "all", search.page] as const)
      : ([...walletKeys.all, "orders"] as const),
  basket: (type: WalletBasketType) => [...walletKeys.all, "basket", type] as const,
  receipt: (id: string) => [...walletKeys.all, "receipt", id] as const,
};

export function walletQueryOptions() {
  return queryOptions({
    queryKey: walletKeys.balances(),
    queryFn: ({ signal }) => api("/api/wallet", { schema: walletSchema, ...withSignal(signal) }),
    staleTime: 10_000,
  });
}

export function walletOrdersQueryOptions(search: WalletSearch) {
  const params = new URLSearchParams();
  if (search.txType) params.set("txType", search.txType);
  params.set("page", String(search.page));
  return queryOptions({
    queryKey: walletKeys.orders(search),
    queryFn: ({ signal }) =>
      api(`/api/wallet/orders?${params.toString()}`, {
        schema: walletOrderListSchema,
        ...withSignal(signal),
      }),
    staleTime: 10_000,
  });
}

/** A basket stamped with when it arrived on the device's monotonic clock (its countdown). */
export interface TimedBasket {
  basket: WalletBasket;
  receivedAt: number;
  quote: { priceFix: { remainingSeconds: number } };
}

export function timedBasket(basket: WalletBasket): TimedBasket {
  return {
    basket,
    receivedAt: performance.now(),
    quote: { priceFix: { remainingSeconds: basket.priceFix?.remainingSeconds ?? 0 } },
  };
}

export function walletBasketQueryOptions(type: WalletBasketType) {
  return queryOptions({
    queryKey: walletKeys.basket(type),
    queryFn: async ({ signal }) =>
      timedBasket(
        await api(`/api/wallet/baskets/${type}`, {
          schema: walletBasketSchema,
          ...withSignal(signal),
        }),
      ),
    staleTime: 0,
  });
}

export function walletReceiptQueryOptions(id: string) {
  return queryOptions({
    queryKey: walletKeys.receipt(id),
    queryFn: ({ signal }) =>
      api(`/api/wallet/orders/${encodeURIComponent(id)}/receipt`, {
        schema: walletReceiptSchema,
        ...withSignal(signal),
      }),
    staleTime: 60_000,
  });
}

export function addWalletItem(
  type: WalletBasketType,
  sku: string,
  quantity: number,
): Promise<WalletBasket> {
  return sendChangeOnce((headers) =>
    api(`/api/wallet/baskets/${type}/items`, {
      method: "POST",
      body: { sku, quantity },
      headers,
      schema: walletBasketSchema,
    }),
  );
}

export function setWalletItemQuantity(
  type: WalletBasketType,
  sku: string,
  quantity: number,
): Promise<WalletBasket> {
  return sendChangeOnce((headers) =>
    api(`/api/wallet/baskets/${type}/items/${encodeURIComponent(sku)}`, {
      method: "PATCH",
      body: { quantity },
      headers,
      schema: walletBasketSchema,
    }),
  );
}

export function setDeliveryAddress(addressId: number): Promise<WalletBasket> {
  return api("/api/wallet/baskets/delivery/address", {
    method: "PUT",
    body: { addressId },
    schema: walletBasketSchema,
  });
}

/** One send of a completion: every send for the same quote carries the same key. */
export function completeWalletBasket(
  type: WalletBasketType,
  quoteId: string,
  idempotencyKey: string,
): Promise<WalletOrder> {
  return api(`/api/wallet/baskets/${type}/complete`, {
    method: "POST",
    body: { quoteId },
    headers: { "Idempotency-Key": idempotencyKey },
    schema: walletOrderSchema,
  });
}

export function createDigitalQuote(body: DigitalQuoteBody): Promise<DigitalQuote> {
  return api("/api/digital/quotes", { method: "POST", body, schema: digitalQuoteSchema });
}

export function createDigitalOrder(
  body: DigitalOrderBody,
  idempotencyKey: string,
): Promise<DigitalOrder> {
  return api("/api/digital/orders", {
    method: "POST",
    body,
    headers: { "Idempotency-Key": idempotencyKey },
    schema: digitalOrderSchema,
  });
}
