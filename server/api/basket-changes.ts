import type { Context } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError } from "../problem.ts";
import {
  fingerprint,
  idempotencyKeyOf,
  idempotentHttpResponse,
  runIdempotent,
} from "../idempotency.ts";

/**
 * Basket changes (add / update / remove, physical and wallet baskets) applied once per tap.
 *
 * The browser sends an `Idempotency-Key` made per tap and reused on its own retry. A repeat of a
 * change that was answered gets that answer again (replayed); a repeat of one whose answer was
 * lost runs again, but aims at the same result: every change is an absolute quantity. "Add n" is
 * turned into "set the line to (what it held + n)" on its first attempt (the line is read anyway
 * to check the limits, so this costs no extra upstream call) and that target is kept under the
 * key, so neither a repeat nor a late landing of the first attempt can add n twice. A line new
 * to the basket can only go to Minted as a relative add (Minted has no "set" for a line it does
 * not hold): a repeat that finds such a line still missing does not add it again (the first
 * attempt may still land) but answers `unconfirmedChange`, and the shop shows the basket as it is.
 *
 * Without the header the change is applied as before (older clients), without these guarantees.
 */

/** How long a change's answer and target are kept for the browser's retry. */
const CHANGE_TTL_SECONDS = 3600;

const targetSchema = z.object({ sku: z.string(), qty: z.number() });

/** The request's `Idempotency-Key` (400 when malformed), or null when it was not sent. */
export function changeKeyOf(c: Context<AppEnv>): string | null {
  return c.req.header("idempotency-key") === undefined ? null : idempotencyKeyOf(c);
}

const ownerOf = (customer: string) => `basket\n${customer}`;

/**
 * The quantity of `sku` this change aims at: `proposed` on the first attempt under `key`, the
 * first attempt's target on every repeat (`repeat: true`).
 */
export async function targetOf(
  deps: Pick<AppDeps, "store">,
  customer: string,
  key: string | null,
  sku: string,
  proposed: number,
): Promise<{ target: number; repeat: boolean }> {
  if (key === null) return { target: proposed, repeat: false };
  const storeKey = `basket:target:${encodeURIComponent(customer)}:${key}`;
  const value = JSON.stringify({ sku, qty: proposed });
  if (await deps.store.setIfAbsent(storeKey, value, CHANGE_TTL_SECONDS))
    return { target: proposed, repeat: false };
  const raw = await deps.store.get(storeKey);
  const stored = raw === null ? null : targetSchema.safeParse(JSON.parse(raw));
  return stored?.success && stored.data.sku === sku
    ? { target: stored.data.qty, repeat: true }
    : { target: proposed, repeat: false };
}

/**
 * A customer's basket change run once per key: the answer stored and replayed
 * (`Idempotent-Replayed: true`), errors forgotten so the retry runs again.
 */
export async function changeOnce<T>(
  deps: Pick<AppDeps, "store">,
  c: Context<AppEnv>,
  customer: string,
  operation: string,
  request: unknown,
  work: (key: string | null) => Promise<T>,
): Promise<T | Response> {
  const key = changeKeyOf(c);
  if (key === null) return work(null);
  const result = await runIdempotent(
    {
      store: deps.store,
      owner: ownerOf(customer),
      key,
      fingerprint: fingerprint(operation, request),
      ttlSeconds: CHANGE_TTL_SECONDS,
    },
    async () => ({ status: 200, body: await work(key) }),
  );
  return idempotentHttpResponse(result);
}

/** A repeated add of a new line that is still missing: the first attempt may yet land. */
export function unconfirmedChange(): ApiError {
  return new ApiError("upstream_unavailable", {
    detail: {
      tr: "Değişikliğinizi doğrulayamadık; lütfen sepetinize bakın.",
      en: "We could not confirm your change; please look at your basket.",
    },
  });
}
