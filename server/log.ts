import type { LogFields, Logger } from "./deps.ts";
import type { ProxyEnv } from "./env.ts";

type Level = "debug" | "info" | "warn" | "error";

const RANK: Record<ProxyEnv["LOG_LEVEL"], number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 100,
};

/**
 * Keys whose values never reach a log line, whatever the caller passes (compared in lower case,
 * at any depth), besides every key ending in "token", "secret" or "password" (launchToken,
 * cart_token, price_token, SESSION_SECRET…). A safety net: callers are still expected not to pass
 * secrets at all.
 */
const REDACTED_KEYS = new Set([
  "authorization",
  "cookie",
  "setcookie",
  "identitynumber",
  "tckn",
  "vkn",
  "taxnumber",
]);
const REDACTED_KEY_ENDINGS = /(token|secret|password)$/;

export const REDACTED = "[redacted]";

/**
 * Tokens inside any string (an access-log path, an error message, a URL): JWS/JWE compact
 * serialisations (launch tokens, file links, session cookies) wherever they appear, the token
 * segment of a file link's path (/api/files/invoices/<token>/…), and the value of a query or
 * fragment parameter named like a token (?token=…, #token=…, &cart_token=…).
 */
const TOKEN_SHAPES: [RegExp, string][] = [
  [/eyJ[\w-]*\.[\w-]*\.[\w-]*(?:\.[\w-]*\.[\w-]*)?/g, REDACTED],
  [/(\/api\/files\/[\w-]+\/)[^/?#\s"]+/g, `$1${REDACTED}`],
  [/([?&#;][\w-]*(?:token|jwt)=)[^&#\s"]*/gi, `$1${REDACTED}`],
];
export function redactString(value: string): string {
  let out = value;
  for (const [shape, replacement] of TOKEN_SHAPES) out = out.replace(shape, replacement);
  return out;
}

/** `identity_number`, `identityNumber` and `Identity-Number` are the same key here. */
const normalise = (key: string) => key.toLowerCase().replace(/[_-]/g, "");

const MAX_DEPTH = 6;

/** A JSON-safe copy of `value` without redacted keys; errors become `{ name, message }`. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== "object") {
    if (typeof value === "string") return redactString(value);
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "function" || typeof value === "symbol") return undefined;
    return value;
  }
  if (seen.has(value)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[deep]";
  seen.add(value);
  if (value instanceof Error) {
    return { name: value.name, message: redactString(value.message) };
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const name = normalise(key);
    if (REDACTED_KEYS.has(name) || REDACTED_KEY_ENDINGS.test(name)) continue;
    out[key] = redact(item, depth + 1, seen);
  }
  return out;
}

function build(
  minRank: number,
  base: LogFields,
  write: (line: string) => void,
  clock: () => Date,
): Logger {
  const emit = (level: Level, msg: string, fields?: LogFields) => {
    if (RANK[level] < minRank) return;
    const head = { time: clock().toISOString(), level, msg: redactString(msg) };
    const record = redact({ ...base, ...fields });
    // Fields never override the head (a field named `level` cannot forge a line's level).
    write(`${JSON.stringify(Object.assign({ ...head }, record, head))}\n`);
  };
  return {
    debug: (msg, fields) => emit("debug", msg, fields),
    info: (msg, fields) => emit("info", msg, fields),
    warn: (msg, fields) => emit("warn", msg, fields),
    error: (msg, fields) => emit("error", msg, fields),
    child: (fields) => build(minRank, { ...base, ...fields }, write, clock),
  };
}

/**
 * JSON lines on stdout, one object per line: `time`, `level`, `msg`, then the fields. `LOG_LEVEL`
 * sets the threshold ("silent" prints nothing). Sensitive keys are dropped (see REDACTED_KEYS).
 */
export function createLogger(
  env: Pick<ProxyEnv, "LOG_LEVEL">,
  options: { write?: (line: string) => void; clock?: () => Date } = {},
): Logger {
  const write = options.write ?? ((line: string) => void process.stdout.write(line));
  return build(RANK[env.LOG_LEVEL], {}, write, options.clock ?? (() => new Date()));
}
