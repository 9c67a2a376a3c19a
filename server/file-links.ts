import { hkdfSync } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import { z } from "zod";
import type { ProxyEnv } from "./env.ts";

/**
 * Tokens of short-lived file links: who may fetch which file, sealed (JWE dir + A256GCM) with a
 * key derived from SESSION_SECRET for this purpose only, so a link neither reveals the customer
 * nor can be altered, and stops working after `FILE_LINK_TTL_S`.
 */

export const FILE_LINK_TTL_S = 300;

/**
 * An absolute URL of the shop (invoice links, 3-D Secure return URLs): always on `shopOrigin` —
 * PUBLIC_URL, or in development the address the proxy listens on — never on the request's
 * `Host`, `Origin` or `X-Forwarded-Host`, which whoever sends the request chooses.
 */
export function shopUrl(env: Pick<ProxyEnv, "shopOrigin">, path: string): string {
  return `${env.shopOrigin}${path.startsWith("/") ? path : `/${path}`}`;
}

const claimsSchema = z.object({
  kind: z.literal("invoice"),
  customer: z.string().min(1).max(110),
  code: z.string().min(1).max(64),
  lang: z.enum(["tr", "en"]),
  exp: z.number(),
});
export type FileLinkClaims = Omit<z.infer<typeof claimsSchema>, "exp">;

const keys = new Map<string, Uint8Array>();
function keyFor(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(
      hkdfSync("sha256", secret, "minted-shop/files", "file link A256GCM v1", 32),
    );
    keys.set(secret, key);
  }
  return key;
}

export async function sealFileLink(
  claims: FileLinkClaims,
  secret: string,
  nowMs: number,
): Promise<{ token: string; expiresAt: Date }> {
  const exp = Math.floor(nowMs / 1000) + FILE_LINK_TTL_S;
  const token = await new EncryptJWT({ ...claims })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setExpirationTime(exp)
    .encrypt(keyFor(secret));
  return { token, expiresAt: new Date(exp * 1000) };
}

/** The claims, or null when the token is tampered with, from another key, or expired. */
export async function openFileLink(
  token: string,
  secret: string,
  nowMs: number,
): Promise<FileLinkClaims | null> {
  try {
    const { payload } = await jwtDecrypt(token, keyFor(secret), {
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
      currentDate: new Date(nowMs),
    });
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) return null;
    const { kind, customer, code, lang } = claims.data;
    return { kind, customer, code, lang };
  } catch {
    return null;
  }
}
