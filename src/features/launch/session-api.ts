import { z } from "zod/mini";
import * as sessionOps from "../../../contract/api/session";
import type { SessionView } from "../../../contract/session";
import { ApiProblem, api } from "../../lib/api";
import { queryRoots } from "../../lib/query-keys";

/** The shop's session calls: who is signed in, log out, log out on all devices. */

export const sessionKeys = { me: [...queryRoots.session, "me"] as const };

/** The current session, or null when there is none (401: never started, logged out, expired). */
export async function fetchSession(signal?: AbortSignal): Promise<SessionView | null> {
  try {
    return await api(sessionOps.getSession, { signal });
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) return null;
    throw error;
  }
}

/**
 * A full page load after the session ended: nothing of the customer's survives in memory (query
 * cache, basket state, the guest session the basket may have started).
 */
export function showSignedOut(): void {
  window.location.assign("/signed-out");
}

/** Ends this session (on every proxy instance); the cookie is cleared. */
export async function logout(): Promise<void> {
  await api(sessionOps.endSession);
}

/** Ends every session of the customer: other phones and browsers are signed out too. */
export async function logoutEverywhere(): Promise<void> {
  await api(sessionOps.endAllSessions, { body: {} });
}

const claimsSchema = z.object({ sub: z.string() });

/**
 * The customer a launch token is for, read (not verified) from its payload: enough to ask
 * before switching customers. The proxy verifies the token when it is swapped; an unreadable
 * token is null (no question asked, the proxy decides).
 */
export function launchTokenCustomer(token: string): string | null {
  const payload = token.split(".")[1];
  if (!payload || token.split(".").length !== 3) return null;
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    const claims = claimsSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return claims.success ? claims.data.sub : null;
  } catch {
    return null;
  }
}
