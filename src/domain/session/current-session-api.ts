import { getCurrentSession } from "../../../contract/api/session";
import type { SessionView } from "../../../contract/session";
import { api } from "../../lib/api";

/** The current session, or null without one (asked without a 401: see session-query.ts). */
export async function fetchCurrentSession(signal?: AbortSignal): Promise<SessionView | null> {
  return (await api(getCurrentSession, { signal })).session;
}
