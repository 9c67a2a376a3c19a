import { i18n } from "@lingui/core";
import { z } from "zod/mini";
import {
  EMPTY_BASKET,
  basketSchema,
  incompleteBasketListSchema,
  resumeBasketResultSchema,
  type Basket,
  type IncompleteBasketList,
  type ResumeBasketResult,
} from "../../../contract/basket";
import { ApiProblem, api } from "../../lib/api";
import { sendChangeOnce } from "./change-once";

/**
 * The basket's calls to the proxy, each answer parsed with the shared contract. Loaded on first
 * use (not with the shell): the contract's schemas would otherwise weigh on the first view.
 */

const sessionViewSchema = z.looseObject({ kind: z.string() });

let guestSession: Promise<void> | null = null;

/** A guest session, created once for a visitor who has none (basket calls need a session). */
function ensureGuestSession(): Promise<void> {
  guestSession ??= api("/api/session/guest", {
    method: "POST",
    body: { locale: i18n.locale === "en" ? "en" : "tr" },
    schema: sessionViewSchema,
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

const itemPath = (sku: string) => `/api/basket/items/${encodeURIComponent(sku)}`;

/**
 * The basket. Without a session it is empty: reading does not start a guest session (that would
 * race a partner launch still signing in); the first change does.
 */
export async function fetchBasket(signal?: AbortSignal): Promise<Basket> {
  try {
    return await api("/api/basket", { schema: basketSchema, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401)
      return { ...EMPTY_BASKET, estimated: true };
    throw error;
  }
}

export function addBasketItem(sku: string, quantity: number): Promise<Basket> {
  return withSession(() =>
    sendChangeOnce((headers) =>
      api("/api/basket/items", {
        method: "POST",
        body: { sku, quantity },
        headers,
        schema: basketSchema,
      }),
    ),
  );
}

export function setBasketItemQuantity(sku: string, quantity: number): Promise<Basket> {
  return withSession(() =>
    sendChangeOnce((headers) =>
      api(itemPath(sku), { method: "PATCH", body: { quantity }, headers, schema: basketSchema }),
    ),
  );
}

export function removeBasketItem(sku: string): Promise<Basket> {
  return withSession(() =>
    sendChangeOnce((headers) =>
      api(itemPath(sku), { method: "DELETE", headers, schema: basketSchema }),
    ),
  );
}

export function clearBasket(): Promise<Basket> {
  return withSession(() => api("/api/basket", { method: "DELETE", schema: basketSchema }));
}

/** Other unfinished baskets of a customer; a guest has none. */
export async function fetchIncompleteBaskets(signal?: AbortSignal): Promise<IncompleteBasketList> {
  try {
    return await api("/api/baskets/incomplete", {
      schema: incompleteBasketListSchema,
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (error instanceof ApiProblem && (error.status === 401 || error.status === 403))
      return { baskets: [] };
    throw error;
  }
}

export function resumeBasket(id: number): Promise<ResumeBasketResult> {
  return withSession(() =>
    api(`/api/baskets/incomplete/${id}/resume`, {
      method: "POST",
      schema: resumeBasketResultSchema,
    }),
  );
}
