import { hkdfSync } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import { parse } from "hono/utils/cookie";
import { z } from "zod";
import { MAX_GUEST_LINES } from "../../contract/basket.ts";
import { currencySchema } from "../../contract/common.ts";
import { localeSchema, themeSchema } from "../../contract/session.ts";
import type { Session } from "../deps.ts";
import type { ProxyEnv } from "../env.ts";

type CookieEnv = Pick<ProxyEnv, "SESSION_SECRET" | "SESSION_MAX_AGE" | "PUBLIC_URL">;

export const SESSION_COOKIE = "minted_session";
/** Over HTTPS: host-only, Secure, Path=/ — cannot be set by a sibling subdomain. */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
/** Browsers drop larger cookies silently; we fail loudly instead. */
export const MAX_COOKIE_BYTES = 4000;

/** The session as it is written to and read from the cookie (boundary: zod on every read). */
export const sessionSchema = z.object({
  sid: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  kind: z.enum(["launch", "guest"]),
  customer: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,110}$/)
    .nullable(),
  locale: localeSchema,
  currency: currencySchema,
  theme: z.nullable(themeSchema),
  guestBasket: z
    .array(
      z.object({
        sku: z.string().min(1).max(64),
        qty: z.number().positive().max(1_000_000),
      }),
    )
    .max(MAX_GUEST_LINES),
  exp: z.number().int().positive(),
}) satisfies z.ZodType<Session>;

/**
 * The cookie's wire format: short keys and `[sku, qty]` pairs, so that the largest session (30
 * guest lines with 64-character SKUs, or a full partner theme) still fits in 4 KB once encrypted.
 */
const wireSchema = z.object({
  v: z.literal(1),
  i: z.unknown(),
  k: z.unknown(),
  c: z.unknown(),
  l: z.unknown(),
  m: z.unknown(),
  t: z.unknown(),
  b: z.array(z.tuple([z.unknown(), z.unknown()])).max(MAX_GUEST_LINES),
  exp: z.unknown(),
});

function toWire(session: Session) {
  return {
    v: 1,
    i: session.sid,
    k: session.kind,
    c: session.customer,
    l: session.locale,
    m: session.currency,
    t: session.theme,
    b: session.guestBasket.map((line) => [line.sku, line.qty]),
    exp: session.exp,
  };
}

function fromWire(payload: unknown): Session | null {
  const wire = wireSchema.safeParse(payload);
  if (!wire.success) return null;
  const w = wire.data;
  const session = sessionSchema.safeParse({
    sid: w.i,
    kind: w.k,
    customer: w.c,
    locale: w.l,
    currency: w.m,
    theme: w.t,
    guestBasket: w.b.map(([sku, qty]) => ({ sku, qty })),
    exp: w.exp,
  });
  return session.success ? session.data : null;
}

const keys = new Map<string, Uint8Array>();
/** A 256-bit AES-GCM key derived from SESSION_SECRET (HKDF-SHA256), cached per secret. */
function keyFor(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(
      hkdfSync("sha256", secret, "minted-shop/session", "session cookie A256GCM v1", 32),
    );
    keys.set(secret, key);
  }
  return key;
}

const defaultSecure = (env: CookieEnv) => env.PUBLIC_URL?.startsWith("https:") ?? false;
export const sessionCookieName = (secure: boolean) =>
  secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;

async function seal(session: Session, env: CookieEnv): Promise<string> {
  const valid = sessionSchema.parse(session);
  return new EncryptJWT(toWire(valid))
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .encrypt(keyFor(env.SESSION_SECRET));
}

/** `name=value` for a `Cookie` request header (tests, tools). */
export async function encodeSessionCookie(
  session: Session,
  env: CookieEnv,
  secure = defaultSecure(env),
): Promise<string> {
  return `${sessionCookieName(secure)}=${await seal(session, env)}`;
}

function attributes(secure: boolean, maxAge: number): string {
  // An explicit Max-Age: WKWebView forgets session cookies when the app is killed.
  return `Path=/; Max-Age=${String(maxAge)}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/**
 * The `Set-Cookie` value for a session: encrypted and authenticated (JWE dir + A256GCM), HttpOnly,
 * SameSite=Lax, Max-Age until the session's `exp`; over HTTPS also Secure with the `__Host-` name.
 */
export async function sessionSetCookie(
  session: Session,
  env: CookieEnv,
  secure: boolean,
  nowMs = Date.now(),
): Promise<string> {
  const pair = `${sessionCookieName(secure)}=${await seal(session, env)}`;
  if (Buffer.byteLength(pair) > MAX_COOKIE_BYTES)
    throw new Error(`session cookie too large (${String(Buffer.byteLength(pair))} bytes)`);
  const maxAge = Math.max(0, Math.min(env.SESSION_MAX_AGE, session.exp - Math.floor(nowMs / 1000)));
  return `${pair}; ${attributes(secure, maxAge)}`;
}

/** The `Set-Cookie` value that removes the session cookie. */
export function clearSessionCookie(secure: boolean): string {
  return `${sessionCookieName(secure)}=; ${attributes(secure, 0)}`;
}

/** The raw session cookie value from a `Cookie` header, if present. */
export function sessionCookieValue(header: string | undefined, secure: boolean): string | null {
  if (!header) return null;
  const name = sessionCookieName(secure);
  const value = parse(header, name)[name];
  return value ? value : null;
}

/**
 * The session from a `Cookie` header, or null when absent, tampered with, from another key, or
 * expired. Over HTTPS only the `__Host-` cookie counts (a sibling subdomain cannot plant it).
 */
/**
 * Sessions already decrypted, by the exact cookie value (authenticated ciphertext, so the same
 * string always means the same session). Decryption is the proxy's largest fixed cost per
 * request; a bounded map keeps the hot path to one lookup. Expiry is still checked every time.
 */
const decryptedBySecret = new Map<string, Map<string, Session>>();
const DECRYPTED_MAX = 10_000;

export async function readSessionCookie(
  header: string | undefined,
  env: CookieEnv,
  options: { secure?: boolean; nowMs?: number } = {},
): Promise<Session | null> {
  const value = sessionCookieValue(header, options.secure ?? defaultSecure(env));
  if (!value || value.length > MAX_COOKIE_BYTES) return null;
  const nowSeconds = (options.nowMs ?? Date.now()) / 1000;
  let decrypted = decryptedBySecret.get(env.SESSION_SECRET);
  if (!decrypted)
    decryptedBySecret.set(env.SESSION_SECRET, (decrypted = new Map<string, Session>()));
  const known = decrypted.get(value);
  if (known) return known.exp > nowSeconds ? known : null;
  const session = await decrypt(value, env, options.nowMs);
  if (session) {
    // Shared between requests that carry the same cookie: read-only (routes replace, never mutate).
    Object.freeze(session.guestBasket);
    if (session.theme) Object.freeze(session.theme);
    Object.freeze(session);
    if (decrypted.size >= DECRYPTED_MAX) decrypted.delete(decrypted.keys().next().value ?? "");
    decrypted.set(value, session);
  }
  return session;
}

async function decrypt(
  value: string,
  env: CookieEnv,
  nowMs: number | undefined,
): Promise<Session | null> {
  try {
    const { payload } = await jwtDecrypt(value, keyFor(env.SESSION_SECRET), {
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
      currentDate: new Date(nowMs ?? Date.now()),
      requiredClaims: ["exp"],
    });
    return fromWire(payload);
  } catch {
    return null;
  }
}
