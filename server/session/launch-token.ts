import { randomUUID } from "node:crypto";
import {
  SignJWT,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
} from "jose";
import { z } from "zod";
import { tcknSchema } from "../../contract/addresses.ts";
import { currencySchema } from "../../contract/common.ts";
import { localeSchema, themeSchema } from "../../contract/session.ts";
import type { KeyValueStore, Logger } from "../deps.ts";
import { DEV_LAUNCH_SECRET, type ProxyEnv } from "../env.ts";
import { ApiError } from "../problem.ts";
import { fieldErrors } from "../validation.ts";

type LaunchEnv = Pick<
  ProxyEnv,
  "LAUNCH_SECRET" | "LAUNCH_JWKS_URL" | "LAUNCH_ISSUER" | "LAUNCH_AUDIENCE" | "sandboxMode"
>;

/** Longest accepted lifetime of a launch token (exp − iat), seconds. */
export const MAX_LAUNCH_TOKEN_LIFETIME = 600;
/** Clock skew tolerated between the partner's backend and us, seconds. */
export const LAUNCH_CLOCK_TOLERANCE = 30;

export const customerIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,110}$/);

const name = () => z.string().trim().min(2).max(40);

/** Optional customer profile: used only to create the upstream customer, never stored. */
export const launchProfileSchema = z.object({
  firstname: name().optional(),
  lastname: name().optional(),
  email: z.string().trim().max(254).pipe(z.email()).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{10,20}$/)
    .optional(),
  identity_number: z.optional(tcknSchema),
});
export type LaunchProfile = z.output<typeof launchProfileSchema>;

export const launchClaimsSchema = z
  .object({
    sub: customerIdSchema,
    iat: z.number().int().positive(),
    exp: z.number().int().positive(),
    jti: z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/),
    profile: launchProfileSchema.optional(),
    locale: z.optional(localeSchema),
    currency: z.optional(currencySchema),
    theme: z.optional(themeSchema),
  })
  .refine((c) => c.exp > c.iat && c.exp - c.iat <= MAX_LAUNCH_TOKEN_LIFETIME, {
    path: ["exp"],
    params: {
      tr: `exp, iat'ten sonra ve en fazla ${String(MAX_LAUNCH_TOKEN_LIFETIME)} saniye sonra olmalı.`,
      en: `exp must be after iat, by at most ${String(MAX_LAUNCH_TOKEN_LIFETIME)} seconds.`,
    },
  });
export type LaunchClaims = z.output<typeof launchClaimsSchema>;

type Reason =
  "malformed" | "algorithm" | "signature" | "expired" | "claims" | "replayed" | "keys_unavailable";

const DETAILS: Record<Reason, { tr: string; en: string }> = {
  malformed: { tr: "Giriş bağlantısı bozuk.", en: "The launch token is malformed." },
  algorithm: {
    tr: "Giriş bağlantısı beklenmeyen bir algoritmayla imzalanmış.",
    en: "The launch token uses an algorithm that is not accepted.",
  },
  signature: {
    tr: "Giriş bağlantısının imzası doğrulanamadı.",
    en: "The launch token's signature could not be verified.",
  },
  expired: {
    tr: "Giriş bağlantısının süresi dolmuş.",
    en: "The launch token has expired.",
  },
  claims: {
    tr: "Giriş bağlantısının bilgileri geçersiz.",
    en: "The launch token's claims are not valid.",
  },
  replayed: {
    tr: "Bu giriş bağlantısı daha önce kullanılmış.",
    en: "This launch token has already been used.",
  },
  keys_unavailable: {
    tr: "Giriş bağlantısının anahtarları şu anda alınamıyor.",
    en: "The keys to verify the launch token are unavailable right now.",
  },
};

function refuse(reason: Reason, errors?: Record<string, string[]>): ApiError {
  return new ApiError("unauthenticated", {
    detail: DETAILS[reason],
    ...(errors ? { errors } : {}),
    extra: { reason },
  });
}

/** Maps a jose failure to a reason; never looks at (or logs) the token itself. */
function reasonOf(error: unknown): Reason {
  if (error instanceof joseErrors.JWTExpired) return "expired";
  if (error instanceof joseErrors.JWTClaimValidationFailed) return "claims";
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return "algorithm";
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return "signature";
  if (error instanceof joseErrors.JWKSNoMatchingKey) return "signature";
  if (
    error instanceof joseErrors.JWKSTimeout ||
    error instanceof joseErrors.JWKSInvalid ||
    error instanceof joseErrors.JWKSMultipleMatchingKeys
  )
    return "keys_unavailable";
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid)
    return "malformed";
  if (error instanceof joseErrors.JOSEError && error.code === "ERR_JOSE_GENERIC")
    return "keys_unavailable";
  return "signature";
}

export interface LaunchVerifier {
  /** Verifies signature, algorithm, audience, issuer, lifetime and claims; consumes the `jti`. */
  verify(token: string, lang?: "tr" | "en"): Promise<LaunchClaims>;
}

/**
 * Launch-token verification. HS256 with LAUNCH_SECRET and/or RS256 with keys from
 * LAUNCH_JWKS_URL; the algorithm list is pinned per key type, so `alg: none` and HS/RS confusion
 * (an HS256 token "signed" with the RSA public key) are refused. Every failure is a 401
 * `unauthenticated` problem; the token is never logged.
 */
export function createLaunchVerifier(deps: {
  env: LaunchEnv;
  store: KeyValueStore;
  logger: Logger;
  now: () => number;
  /** Tests: JWKS fetch implementation. */
  jwks?: ReturnType<typeof createRemoteJWKSet>;
}): LaunchVerifier {
  const { env, store, logger } = deps;
  // Read per call: tests move the clock on the deps object.
  const now = () => deps.now();
  const hmacKey = env.LAUNCH_SECRET ? new TextEncoder().encode(env.LAUNCH_SECRET) : null;
  const jwks =
    deps.jwks ??
    (env.LAUNCH_JWKS_URL
      ? createRemoteJWKSet(new URL(env.LAUNCH_JWKS_URL), {
          timeoutDuration: 3000,
          cooldownDuration: 30_000,
          cacheMaxAge: 10 * 60_000,
        })
      : null);

  const fail = (reason: Reason, errors?: Record<string, string[]>): never => {
    logger.warn("launch token refused", { reason });
    throw refuse(reason, errors);
  };

  return {
    async verify(token, lang = "tr") {
      let alg: unknown;
      try {
        alg = decodeProtectedHeader(token).alg;
      } catch {
        return fail("malformed");
      }
      const options = {
        audience: env.LAUNCH_AUDIENCE,
        ...(env.LAUNCH_ISSUER ? { issuer: env.LAUNCH_ISSUER } : {}),
        clockTolerance: LAUNCH_CLOCK_TOLERANCE,
        maxTokenAge: MAX_LAUNCH_TOKEN_LIFETIME + LAUNCH_CLOCK_TOLERANCE,
        currentDate: new Date(now()),
        requiredClaims: ["sub", "iat", "exp", "jti"],
      };
      // One algorithm per key type, chosen before any key is used.
      const verification =
        alg === "HS256" && hmacKey
          ? jwtVerify(token, hmacKey, { ...options, algorithms: ["HS256"] })
          : alg === "RS256" && jwks
            ? jwtVerify(token, jwks, { ...options, algorithms: ["RS256"] })
            : null;
      if (!verification) return fail("algorithm");
      let payload: JWTPayload;
      try {
        ({ payload } = await verification);
      } catch (error) {
        return fail(reasonOf(error));
      }

      const parsed = launchClaimsSchema.safeParse(payload);
      if (!parsed.success) return fail("claims", fieldErrors(parsed.error.issues, lang));
      const claims = parsed.data;
      const nowSeconds = Math.floor(now() / 1000);
      if (claims.iat > nowSeconds + LAUNCH_CLOCK_TOLERANCE) return fail("claims");

      // Single use: the id is remembered until the token could no longer be accepted anyway.
      const ttl = Math.max(1, claims.exp + LAUNCH_CLOCK_TOLERANCE + 60 - nowSeconds);
      if (!(await store.setIfAbsent(`jti:${claims.jti}`, "1", ttl))) return fail("replayed");
      return claims;
    },
  };
}

/**
 * A launch token as a partner backend would make one, signed with the development secret.
 * Only in sandbox mode (for /dev/launch and tests).
 */
export async function mintDevLaunchToken(
  env: Pick<ProxyEnv, "LAUNCH_AUDIENCE" | "LAUNCH_ISSUER" | "sandboxMode">,
  customer: string,
  extra: {
    profile?: LaunchProfile;
    locale?: "tr" | "en";
    currency?: z.output<typeof currencySchema>;
    theme?: Record<string, string>;
    /** Seconds; default 300. */
    ttl?: number;
    nowMs?: number;
  } = {},
): Promise<string> {
  if (!env.sandboxMode) throw new Error("dev launch tokens exist only in sandbox mode");
  const { ttl = 300, nowMs = Date.now(), ...claims } = extra;
  const iat = Math.floor(nowMs / 1000);
  const jwt = new SignJWT({ ...claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(customer)
    .setAudience(env.LAUNCH_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttl)
    .setJti(randomUUID());
  if (env.LAUNCH_ISSUER) jwt.setIssuer(env.LAUNCH_ISSUER);
  return jwt.sign(new TextEncoder().encode(DEV_LAUNCH_SECRET));
}
