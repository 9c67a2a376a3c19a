import { queryOptions } from "@tanstack/react-query";
import {
  createDigitalOrder as createDigitalOrderOp,
  createDigitalQuote as createDigitalQuoteOp,
} from "../../../contract/api/digital";
import * as walletOps from "../../../contract/api/wallet";
import type {
  DigitalOrder,
  DigitalOrderBody,
  DigitalQuote,
  DigitalQuoteBody,
} from "../../../contract/digital";
import type { WalletBasket, WalletBasketType, WalletOrder } from "../../../contract/wallet";
import { api } from "../../lib/api";
import type { WalletSearch } from "./wallet-search";
import { sendChangeOnce } from "../../domain/change-once";
import { queryRoots } from "../../lib/query-keys";

/** The wallet's calls to the proxy, each answer parsed with the shared contract. */

export const walletKeys = {
  all: queryRoots.wallet,
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
    queryFn: ({ signal }) => api(walletOps.getWallet, { signal }),
    staleTime: 10_000,
  });
}

export function walletOrdersQueryOptions(search: WalletSearch) {
  return queryOptions({
    queryKey: walletKeys.orders(search),
    queryFn: ({ signal }) =>
      api(walletOps.listWalletOrders, {
        query: { txType: search.txType || undefined, page: search.page },
        signal,
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
      timedBasket(await api(walletOps.getWalletBasket, { params: { type }, signal })),
    staleTime: 0,
  });
}

export function walletReceiptQueryOptions(id: string) {
  return queryOptions({
    queryKey: walletKeys.receipt(id),
    queryFn: ({ signal }) => api(walletOps.getWalletReceipt, { params: { id }, signal }),
    staleTime: 60_000,
  });
}

export function addWalletItem(
  type: WalletBasketType,
  sku: string,
  quantity: number,
): Promise<WalletBasket> {
  return sendChangeOnce((headers) =>
    api(walletOps.addWalletBasketItem, { params: { type }, body: { sku, quantity }, headers }),
  );
}

export function setWalletItemQuantity(
  type: WalletBasketType,
  sku: string,
  quantity: number,
): Promise<WalletBasket> {
  return sendChangeOnce((headers) =>
    api(walletOps.updateWalletBasketItem, {
      params: { type, sku },
      body: { quantity },
      headers,
    }),
  );
}

export function setDeliveryAddress(addressId: number): Promise<WalletBasket> {
  return api(walletOps.setWalletDeliveryAddress, { body: { addressId } });
}

/** One send of a completion: every send for the same quote carries the same key. */
export function completeWalletBasket(
  type: WalletBasketType,
  quoteId: string,
  idempotencyKey: string,
): Promise<WalletOrder> {
  return api(walletOps.completeWalletBasket, {
    params: { type },
    body: { quoteId },
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

export function createDigitalQuote(body: DigitalQuoteBody): Promise<DigitalQuote> {
  return api(createDigitalQuoteOp, { body });
}

export function createDigitalOrder(
  body: DigitalOrderBody,
  idempotencyKey: string,
): Promise<DigitalOrder> {
  return api(createDigitalOrderOp, {
    body,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}
