import { queryOptions } from "@tanstack/react-query";
import type { SessionView } from "../../../contract/session";
import { queryRoots } from "../../lib/query-keys";

/**
 * Who is here: the signed-in customer, a guest, or no session yet (null). The header shows it and
 * the basket asks it before calling what needs a session, so a first visit has no failed request.
 * The calls load on first use (not with the shell), like the basket's.
 */
export const currentSessionKey = [...queryRoots.session, "current"] as const;

export function currentSessionQueryOptions() {
  return queryOptions({
    queryKey: currentSessionKey,
    queryFn: async ({ signal }): Promise<SessionView | null> =>
      (await import("./current-session-api")).fetchCurrentSession(signal),
    // A session ends by logging out (a full page load) or on another device: read on each mount.
    staleTime: 60_000,
  });
}
