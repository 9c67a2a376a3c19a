import { i18n } from "@lingui/core";
import type { QueryClient } from "@tanstack/react-query";
import * as basketOps from "../../../contract/api/basket";
import { startGuestSession } from "../../../contract/api/session";
import {
  EMPTY_BASKET,
  type Basket,
  type IncompleteBasketList,
  type ResumeBasketResult,
} from "../../../contract/basket";
import { ApiProblem, api } from "../../lib/api";
import { currentSessionKey, currentSessionQueryOptions } from "../../domain/session/session-query";

import { sendChangeOnce } from "../../domain/change-once";

/**
 * The basket's calls to the proxy, each answer parsed with the shared contract. Loaded on first
 * use (not with the shell): the contract's schemas would otherwise weigh on the first view.
 */

let guestSession: Promise<void> | null = null;

/** Who is here (cached: the header asked already); a failed read counts as "don't know". */
const currentSession = (client: QueryClient) =>
  client.query({ ...currentSessionQueryOptions(), retry: false }).catch(() => undefined);

/** A guest session, created once for a visitor who has none (basket calls need a session). */
function ensureGuestSession(client: QueryClient): Promise<void> {
  guestSession ??= api(startGuestSession, {
    body: { locale: i18n.locale === "en" ? "en" : "tr" },
  }).then(
    (session) => {
      client.setQueryData(currentSessionKey, session);
    },
    (error: unknown) => {
      guestSession = null;
      throw error;
    },
  );
  return guestSession;
}

/**
 * Runs a basket call with a session: a visitor known to have none gets a guest session first (no
 * refused call); one that ended meanwhile (401) gets one and the call is tried once more.
 */
async function withSession<T>(client: QueryClient, call: () => Promise<T>): Promise<T> {
  if ((await currentSession(client)) === null) await ensureGuestSession(client);
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status !== 401) throw error;
    await ensureGuestSession(client);
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

export function addBasketItem(client: QueryClient, sku: string, quantity: number): Promise<Basket> {
  return withSession(client, () =>
    sendChangeOnce((headers) => api(basketOps.addBasketItem, { body: { sku, quantity }, headers })),
  );
}

export function setBasketItemQuantity(
  client: QueryClient,
  sku: string,
  quantity: number,
): Promise<Basket> {
  return withSession(client, () =>
    sendChangeOnce((headers) =>
      api(basketOps.updateBasketItem, { params: { sku }, body: { quantity }, headers }),
    ),
  );
}

export function removeBasketItem(client: QueryClient, sku: string): Promise<Basket> {
  return withSession(client, () =>
    sendChangeOnce((headers) => api(basketOps.removeBasketItem, { params: { sku }, headers })),
  );
}

export function clearBasket(client: QueryClient): Promise<Basket> {
  return withSession(client, () => api(basketOps.clearBasket));
}

/** Other unfinished baskets of a customer; a guest has none. */
export async function fetchIncompleteBaskets(
  client: QueryClient,
  signal?: AbortSignal,
): Promise<IncompleteBasketList> {
  const session = await currentSession(client);
  if (session !== undefined && !session?.customer) return { baskets: [] };
  try {
    return await api(basketOps.listIncompleteBaskets, { signal });
  } catch (error) {
    if (error instanceof ApiProblem && (error.status === 401 || error.status === 403))
      return { baskets: [] };
    throw error;
  }
}

export function resumeBasket(client: QueryClient, id: number): Promise<ResumeBasketResult> {
  return withSession(client, () =>
    api(basketOps.resumeIncompleteBasket, { params: { id: String(id) } }),
  );
}
