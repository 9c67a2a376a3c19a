import {
  mutationOptions,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import type { Basket } from "../../../contract/basket";
import { basketWithAdded, type ItemPreview } from "./basket-optimistic";
import { hasPendingTaps } from "./basket-taps";
import { showProblemToast, showUnconfirmedToast } from "./basket-toast";
import { mayHaveApplied } from "../../domain/change-once";
import { queryRoots } from "../../lib/query-keys";

/** The fetchers and their contract schemas load on first use, after the first view. */
export const loadBasketApi = () => import("./basket-api");

/** Every basket query and mutation lives under this key (the recipe counts mutations by it). */
export const basketKeys = {
  all: queryRoots.basket,
  current: () => [...basketKeys.all, "current"] as const,
  incomplete: () => [...basketKeys.all, "incomplete"] as const,
};

/** The active basket (customer's upstream one, or the session-held guest basket). */
export function basketQueryOptions() {
  return queryOptions({
    queryKey: basketKeys.current(),
    queryFn: async ({ signal }): Promise<Basket> => (await loadBasketApi()).fetchBasket(signal),
    // Prices in the basket are fixed for a while; the proxy re-fixes on read after expiry.
    staleTime: 15_000,
  });
}

/** Other unfinished baskets of a customer (none for a guest). */
export function incompleteBasketsQueryOptions() {
  return queryOptions({
    queryKey: basketKeys.incomplete(),
    queryFn: async ({ client, signal }) =>
      (await loadBasketApi()).fetchIncompleteBaskets(client, signal),
    staleTime: 60_000,
  });
}

export interface BasketSnapshot {
  previous: Basket | undefined;
}

/** Step 1 of the recipe: stop reads that would overwrite the optimistic basket; snapshot it. */
export async function snapshotBasket(queryClient: QueryClient): Promise<BasketSnapshot> {
  await queryClient.cancelQueries({ queryKey: basketKeys.current() });
  return { previous: queryClient.getQueryData(basketQueryOptions().queryKey) };
}

/** The last step: once no other basket change is in flight (or waiting), take the server's word. */
export function settleBasket(queryClient: QueryClient, result: Basket | undefined): void {
  if (queryClient.isMutating({ mutationKey: basketKeys.all }) !== 1 || hasPendingTaps()) return;
  if (result) queryClient.setQueryData(basketQueryOptions().queryKey, result);
  void queryClient.invalidateQueries({ queryKey: basketKeys.current() });
}

/** How long after an unconfirmed change the basket is read once more (a late change lands). */
const LATE_READ_MS = 4000;

/**
 * On failure, put the snapshot back and say why. When the change may have been applied all the
 * same (no clear answer), the basket is read again and the shop says that this is what is true.
 */
export function rollBackBasket(
  queryClient: QueryClient,
  error: unknown,
  snapshot: BasketSnapshot | undefined,
): void {
  if (snapshot?.previous)
    queryClient.setQueryData(basketQueryOptions().queryKey, snapshot.previous);
  else void queryClient.resetQueries({ queryKey: basketKeys.current() });
  if (!mayHaveApplied(error)) {
    showProblemToast(error);
    return;
  }
  const reread = () => queryClient.refetchQueries({ queryKey: basketKeys.current() });
  void reread().then(() => {
    const state = queryClient.getQueryState(basketQueryOptions().queryKey);
    showUnconfirmedToast(state?.status === "success" && state.fetchStatus === "idle");
    setTimeout(() => void reread(), LATE_READ_MS);
  });
}

/** Basket changes reach the proxy one at a time, in the order they were made. */
export const basketScope = { id: "basket" };

export interface AddToBasketVariables {
  sku: string;
  quantity: number;
  /** What the product page already knows, so the optimistic line can show it. */
  preview?: ItemPreview;
}

export function addToBasketMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...basketKeys.all, "add"],
    scope: basketScope,
    mutationFn: async ({ sku, quantity }: AddToBasketVariables) =>
      (await loadBasketApi()).addBasketItem(queryClient, sku, quantity),
    onMutate: async ({ sku, quantity, preview }) => {
      const snapshot = await snapshotBasket(queryClient);
      queryClient.setQueryData(basketQueryOptions().queryKey, (basket) =>
        basketWithAdded(basket, sku, quantity, preview),
      );
      return snapshot;
    },
    onError: (error, _variables, snapshot) => rollBackBasket(queryClient, error, snapshot),
    onSettled: (result) => settleBasket(queryClient, result),
  });
}

/** Add units (grams for digital) of a product; the badge changes at once. */
export function useAddToBasket() {
  const queryClient = useQueryClient();
  return useMutation(addToBasketMutationOptions(queryClient));
}
