import {
  mutationOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { Basket } from "../../../contract/basket";
import { basketWithQuantity, basketWithout, clearedBasket } from "./basket-optimistic";
import {
  basketKeys,
  basketQueryOptions,
  basketScope,
  loadBasketApi,
  rollBackBasket,
  settleBasket,
  snapshotBasket,
  type BasketSnapshot,
} from "./basket-queries";
import { createCoalescer, setPendingTapsProbe, type Coalescer } from "./basket-taps";

function writeBasket(queryClient: QueryClient, change: (basket: Basket) => Basket): void {
  queryClient.setQueryData(basketQueryOptions().queryKey, (basket) => basket && change(basket));
}

interface QuantityVariables {
  sku: string;
  quantity: number;
  /** The basket before the burst of taps this call ends (what a failure rolls back to). */
  before?: Basket | undefined;
}

function quantityMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...basketKeys.all, "quantity"],
    scope: basketScope,
    mutationFn: async ({ sku, quantity }: QuantityVariables) =>
      (await loadBasketApi()).setBasketItemQuantity(queryClient, sku, quantity),
    onMutate: async ({ sku, quantity, before }): Promise<BasketSnapshot> => {
      const snapshot = await snapshotBasket(queryClient);
      writeBasket(queryClient, (b) => basketWithQuantity(b, sku, quantity));
      return { previous: before ?? snapshot.previous };
    },
    onError: (error, _variables, snapshot) => rollBackBasket(queryClient, error, snapshot),
    onSettled: (result) => settleBasket(queryClient, result),
  });
}

/**
 * A line's quantity stepper: every tap shows at once; the proxy gets one PATCH with the final
 * quantity when the taps pause for 400 ms, or when the page is left.
 */
export function useBasketQuantity() {
  const queryClient = useQueryClient();
  const { mutate } = useMutation(quantityMutationOptions(queryClient));
  const [state] = useState(() => {
    const before = new Map<string, Basket | undefined>();
    const taps: Coalescer<number> = createCoalescer<number>((sku, quantity) => {
      const previous = before.get(sku);
      before.delete(sku);
      mutate({ sku, quantity, before: previous });
    }, 400);
    return { taps, before };
  });
  const { taps, before } = state;

  useEffect(() => {
    setPendingTapsProbe(() => taps.isPending());
    return () => {
      taps.flush();
      setPendingTapsProbe(() => false);
    };
  }, [taps]);

  const pending = useSyncExternalStore(taps.subscribe, () => taps.isPending());

  function setQuantity(sku: string, quantity: number): void {
    if (!taps.isPending(sku))
      before.set(sku, queryClient.getQueryData(basketQueryOptions().queryKey));
    writeBasket(queryClient, (b) => basketWithQuantity(b, sku, quantity));
    taps.push(sku, quantity);
    // A read in flight would land over the taps: stop it, then make sure the taps still show.
    void queryClient
      .cancelQueries({ queryKey: basketKeys.current() })
      .then(() => writeBasket(queryClient, (b) => basketWithQuantity(b, sku, quantity)));
  }

  function forget(sku?: string): void {
    if (sku === undefined) {
      for (const key of [...before.keys()]) taps.cancel(key);
      before.clear();
    } else {
      taps.cancel(sku);
      before.delete(sku);
    }
  }

  return { setQuantity, forget, pending };
}

export function useRemoveFromBasket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...basketKeys.all, "remove"],
    scope: basketScope,
    mutationFn: async (sku: string) => (await loadBasketApi()).removeBasketItem(queryClient, sku),
    onMutate: async (sku) => {
      const snapshot = await snapshotBasket(queryClient);
      writeBasket(queryClient, (b) => basketWithout(b, sku));
      return snapshot;
    },
    onError: (error, _sku, snapshot) => rollBackBasket(queryClient, error, snapshot),
    onSettled: (result) => settleBasket(queryClient, result),
  });
}

export function useClearBasket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...basketKeys.all, "clear"],
    scope: basketScope,
    mutationFn: async () => (await loadBasketApi()).clearBasket(queryClient),
    onMutate: async () => {
      const snapshot = await snapshotBasket(queryClient);
      writeBasket(queryClient, clearedBasket);
      return snapshot;
    },
    onError: (error, _variables, snapshot) => rollBackBasket(queryClient, error, snapshot),
    onSettled: (result) => settleBasket(queryClient, result),
  });
}

/** Moves an earlier unfinished basket's lines into the active basket (not optimistic). */
export function useResumeBasket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...basketKeys.all, "resume"],
    scope: basketScope,
    mutationFn: async (id: number) => (await loadBasketApi()).resumeBasket(queryClient, id),
    onError: (error) => rollBackBasket(queryClient, error, undefined),
    onSuccess: (result) => {
      queryClient.setQueryData(basketQueryOptions().queryKey, result.basket);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: basketKeys.all }),
  });
}
