import { createHash } from "node:crypto";
import type { Context } from "hono";
import type { AppDeps, AppEnv } from "./deps.ts";

/**
 * The audit trail of money: one record per money-moving request (checkout completion, wallet buy /
 * sell / delivery, digital buy / sell), repeats included, appended to the store's `audit:money`
 * stream (a Redis stream with REDIS_URL) and written to the JSON log as `money audit`.
 * The session id is hashed: the record tells sessions apart without carrying one.
 */

export type MoneyKind =
  "checkout" | "wallet_buy" | "wallet_sell" | "wallet_delivery" | "digital_buy" | "digital_sell";

export type MoneyOutcome =
  "completed" | "payment_pending" | "refused" | "not_completed" | "unknown";

export interface MoneyEvent {
  kind: MoneyKind;
  idempotencyKey: string;
  outcome: MoneyOutcome;
  amount: { value: number; currency: string } | null;
  orderCode?: string;
  replayed?: boolean;
}

/** The store stream the records go to (with the store's key prefix under Redis). */
export const AUDIT_STREAM = "audit:money";
/** About how many records the stream keeps (Redis trims with MAXLEN ~). */
export const AUDIT_MAX_LENGTH = 1_000_000;
/** The log line's `msg`. */
export const AUDIT_LOG_MESSAGE = "money audit";

export const hashSessionId = (sid: string) =>
  createHash("sha256").update(sid).digest("hex").slice(0, 32);

/** The record's fields, all strings (a Redis stream entry). */
export function auditFields(
  deps: Pick<AppDeps, "now">,
  c: Context<AppEnv>,
  event: MoneyEvent,
): Record<string, string> {
  const session = c.get("session");
  return {
    time: new Date(deps.now()).toISOString(),
    kind: event.kind,
    customer: session?.customer ?? "",
    session: session ? hashSessionId(session.sid) : "",
    requestId: c.get("requestId"),
    idempotencyKey: event.idempotencyKey,
    amount: event.amount ? String(event.amount.value) : "",
    currency: event.amount?.currency ?? "",
    outcome: event.outcome,
    orderCode: event.orderCode ?? "",
    replayed: event.replayed ? "true" : "false",
  };
}

/**
 * Appends the record. Never throws: the money has already moved (or not) when this runs, and the
 * customer's answer must not change because the trail could not be written; a failed append is
 * logged as an error with the whole record, so the log still holds it.
 */
export async function auditMoney(
  deps: Pick<AppDeps, "store" | "logger" | "now">,
  c: Context<AppEnv>,
  event: MoneyEvent,
): Promise<void> {
  const fields = auditFields(deps, c, event);
  deps.logger.info(AUDIT_LOG_MESSAGE, { audit: fields });
  try {
    await deps.store.append(AUDIT_STREAM, fields, AUDIT_MAX_LENGTH);
  } catch (error) {
    deps.logger.error("money audit not stored", { audit: fields, error });
  }
}
