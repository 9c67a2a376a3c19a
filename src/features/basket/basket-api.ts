import { i18n } from "@lingui/core";
import * as basketOps from "../../../contract/api/basket";
import { startGuestSession } from "../../../contract/api/session";
import {
  EMPTY_BASKET,
  type Basket,
  type IncompleteBasketList,
  type ResumeBasketResult,
} from "../../../contract/basket";
import { ApiProblem, api } from "../../lib/api";

import { sendChangeOnce } from "../../domain/change-once";

/**
 * The basket's calls to the proxy, each answer parsed with the shared contract. Loaded on first
 * use (not with the shell): the contract's schemas would otherwise weigh on the first view.
 */

let guestSession: Promise<void> | null = null;

/** A guest session, created once for a visitor who has none (basket calls need a session). */
function ensureGuestSession(): Promise<void> {
  guestSession ??= api(startGuestSession, {
    body: { locale: i18n.locale === "en" ? "en" : "tr" },
  }).then(
    () => undefined,
    (error: unknown) => {
      guestSession = null;
      throw error;
    },
  );
  return guestSession;
}

/** Runs a basket call; without a session (401), starts a guest session and tries once more. */
async function withSession<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status !== 401) throw error;
    await ensureGuestSession();
    return call();
  }
}

/**
 * The basket. Without a session it is empty: reading does not start a guest session (that would
 * race a partner launch still signing in); the first change does.
 */
export async function fetchBasket(signal?: AbortSignal): Promise<Basket> {
  try {
    return await api(basketOps.getBasket, { signal });
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401)
      return { ...EMPTY_BASKET, estimated: true };
    throw error;
  }
}

export function addBasketItem(sku: string, quantity: number): Promise<Basket> {
  return withSession(() =>
    sendChangeOnce((headers) => api(basketOps.addBasketItem, { body: { sku, quantity }, headers })),
  );
}

export function setBasketItemQuantity(sku: string, quantity: number): Promise<Basket> {
  return withSession(() =>
    sendChangeOnce((headers) =>
      api(basketOps.updateBasketItem, { params: { sku }, body: { quantity }, headers }),
    ),
  );
}

export function removeBasketItem(sku: string): Promise<Basket> {
  return withSession(() =>
    sendChangeOnce((headers) => api(basketOps.removeBasketItem, { params: { sku }, headers })),
  );
}

export function clearBasket(): Promise<Basket> {
  return withSession(() => api(basketOps.clearBasket));
}

/** Other unfinished baskets of a customer; a guest has none. */
export async function fetchIncompleteBaskets(signal?: AbortSignal): Promise<IncompleteBasketList> {
  try {
    return await api(basketOps.listIncompleteBaskets, { signal });
  } catch (error) {
    if (error instanceof ApiProblem && (error.status === 401 || error.status === 403))
      return { baskets: [] };
    throw error;
  }
}

export function resumeBasket(id: number): Promise<ResumeBasketResult> {
  return withSession(() => api(basketOps.resumeIncompleteBasket, { params: { id: String(id) } }));
}
