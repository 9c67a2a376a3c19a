import { z } from "zod";
import type { AppDeps, KeyValueStore, Session } from "../deps.ts";
import type { ProxyEnv } from "../env.ts";

/**
 * Server-side session records: the sealed cookie names a session (its `sid`), the store decides
 * whether it is still alive. Three keys, read together on every request (one pipelined round trip
 * with Redis):
 *
 *  - `session:<sid>` — when the session started and since when it belongs to its customer;
 *    written when a session starts or a guest binds a customer, deleted on logout. Its TTL is
 *    what is left of the absolute lifetime.
 *  - `session-seen:<sid>` — the last request seen, for the idle timeout. Written at most once per
 *    `touchSeconds` (never a store write on every request); its TTL is the idle timeout. Separate
 *    from the record so that a late write of it can never bring a logged-out session back.
 *  - `session-ended:<customer>` — "log out everywhere": the instant before which every session of
 *    the customer is over (no set of sessions to walk). Kept as long as a session can live.
 */

export interface SessionPolicy {
  /** Absolute lifetime (SESSION_MAX_AGE). */
  maxAgeSeconds: number;
  /** Idle timeout (SESSION_IDLE_TIMEOUT). */
  idleSeconds: number;
  /** Resolution of the idle clock: how stale the stored last-seen time may be. */
  touchSeconds: number;
}

/** The idle clock's resolution: a tenth of the idle timeout, at most one minute. */
export const touchSecondsFor = (idleSeconds: number): number =>
  Math.min(60, Math.max(1, Math.floor(idleSeconds / 10)));

export function sessionPolicy(
  env: Pick<ProxyEnv, "SESSION_MAX_AGE" | "SESSION_IDLE_TIMEOUT">,
): SessionPolicy {
  return {
    maxAgeSeconds: env.SESSION_MAX_AGE,
    idleSeconds: env.SESSION_IDLE_TIMEOUT,
    touchSeconds: touchSecondsFor(env.SESSION_IDLE_TIMEOUT),
  };
}

const recordSchema = z.object({
  /** Milliseconds: when the session started (absolute lifetime). */
  created: z.number().int().nonnegative(),
  customer: z.string().nullable(),
  /** Milliseconds: since when the session belongs to `customer` (log out everywhere). */
  since: z.number().int().nonnegative(),
});
type SessionRecord = z.infer<typeof recordSchema>;

const recordKey = (sid: string) => `session:${sid}`;
const seenKey = (sid: string) => `session-seen:${sid}`;
const endedKey = (customer: string) => `session-ended:${customer}`;

function parseRecord(raw: string | null): SessionRecord | null {
  if (raw === null) return null;
  try {
    const parsed = recordSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const millis = (raw: string | null): number | null => {
  if (raw === null) return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
};

export interface SessionRecords {
  /**
   * True while the cookie's session is alive: its record exists, the absolute lifetime and the
   * idle timeout have not run out, and its customer has not logged out everywhere since. Moves
   * the idle clock on (at most one write per `touchSeconds`).
   */
  isAlive(session: Session): Promise<boolean>;
  /** After a route started or changed a session (`previous`: the one the request came with). */
  saved(session: Session, previous: Session | null): Promise<void>;
  /** Ends one session: its cookie answers 401 from now on, on every instance. */
  end(sid: string): Promise<void>;
  /** Ends every session of the customer started (or bound to it) until now. */
  endAll(customer: string): Promise<void>;
}

export function createSessionRecords(
  deps: { store: KeyValueStore; now: () => number },
  policy: SessionPolicy,
): SessionRecords {
  const { store } = deps;
  // Read at each call: tests move the clock of a running app.
  const now = () => deps.now();
  const maxAgeMs = policy.maxAgeSeconds * 1000;
  const idleMs = policy.idleSeconds * 1000;

  const write = async (sid: string, record: SessionRecord, at: number) => {
    const left = (record.created + maxAgeMs - at) / 1000;
    if (left <= 0) return;
    await Promise.all([
      store.set(recordKey(sid), JSON.stringify(record), left),
      store.set(seenKey(sid), String(at), Math.min(left, policy.idleSeconds)),
    ]);
  };

  const end = async (sid: string) => {
    await Promise.all([store.delete(recordKey(sid)), store.delete(seenKey(sid))]);
  };

  return {
    async isAlive(session) {
      const [rawRecord, rawSeen, rawEnded] = await Promise.all([
        store.get(recordKey(session.sid)),
        store.get(seenKey(session.sid)),
        session.customer ? store.get(endedKey(session.customer)) : Promise.resolve(null),
      ]);
      const record = parseRecord(rawRecord);
      const seen = millis(rawSeen);
      if (!record || seen === null || record.customer !== session.customer) return false;
      const at = now();
      if (at - record.created >= maxAgeMs || at - seen >= idleMs) return false;
      const ended = millis(rawEnded);
      if (ended !== null && record.since <= ended) return false;
      if (at - seen >= policy.touchSeconds * 1000) {
        const left = (record.created + maxAgeMs - at) / 1000;
        await store.set(seenKey(session.sid), String(at), Math.min(left, policy.idleSeconds));
      }
      return true;
    },

    async saved(session, previous) {
      const at = now();
      if (previous && previous.sid !== session.sid) await end(previous.sid);
      if (!previous || previous.sid !== session.sid) {
        await write(session.sid, { created: at, customer: session.customer, since: at }, at);
        return;
      }
      if (previous.customer === session.customer) return;
      // A guest bound to a customer: the same session, now the customer's.
      const record = parseRecord(await store.get(recordKey(session.sid)));
      if (record)
        await write(session.sid, { ...record, customer: session.customer, since: at }, at);
    },

    end,

    async endAll(customer) {
      // Any session of the customer bound at or before this instant is over. Sessions cannot
      // outlive the absolute lifetime, so neither need this mark (plus a minute of slack).
      await store.set(endedKey(customer), String(now()), policy.maxAgeSeconds + 60);
    },
  };
}

/** The records for the proxy's store, clock and configuration. */
export const sessionRecords = (deps: Pick<AppDeps, "store" | "now" | "env">): SessionRecords =>
  createSessionRecords(deps, sessionPolicy(deps.env));
