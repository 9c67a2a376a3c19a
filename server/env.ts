import { z } from "zod";

const origins = z
  .string()
  .default("")
  .transform((s) => s.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(z.url().refine((u) => /^https?:\/\/[^/]+$/.test(u), "an origin, without a path")));

const ms = (fallback: number) => z.coerce.number().int().min(1).max(600_000).default(fallback);
const flag = z
  .enum(["0", "1", "true", "false", ""])
  .default("0")
  .transform((v) => v === "1" || v === "true");

/** The secret the sandbox's dev launch uses; refused in production unless SANDBOX=1. */
export const DEV_LAUNCH_SECRET = "minted-shop-dev-launch-secret-not-for-production!";
/** Development session key; refused in production. */
export const DEV_SESSION_SECRET = "minted-shop-dev-session-secret-not-for-production!";

/** Every environment variable the proxy reads, validated once at start-up. */
export const proxyEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HOST: z.string().min(1).default("0.0.0.0"),
    /** The public origin of the shop (for 3-D Secure return URLs and launch links). */
    PUBLIC_URL: z.url().optional(),
    /** The built SPA; absent in `npm run dev`, where Vite serves the shop. */
    DIST_DIR: z.string().default("dist"),
    /** Partner origins allowed to frame the shop (iframe embedding); none by default. */
    FRAME_ANCESTORS: origins,
    /** Sandbox mode: enables /dev/launch and the dev secrets even when NODE_ENV=production. */
    SANDBOX: flag,

    MINTED_API_URL: z.url().default("http://127.0.0.1:4010"),
    MINTED_USERNAME: z.string().min(1).default("demo-partner"),
    MINTED_PASSWORD: z.string().min(1).default("demo-secret"),
    MINTED_CLIENT_ID: z.string().min(1).max(64).default("web"),
    MINTED_API_VERSION: z.enum(["2", "3"]).default("3"),
    /** CDN origins Minted serves product images from, besides MINTED_API_URL's (e.g. https://minted-tr.mncdn.com). */
    MINTED_IMAGE_ORIGINS: origins,
    UPSTREAM_CONNECT_TIMEOUT_MS: ms(2000),
    UPSTREAM_TIMEOUT_MS: ms(10_000),
    UPSTREAM_CONNECTIONS: z.coerce.number().int().min(1).max(1024).default(64),

    /** HS256 secret the partner backend signs launch tokens with (≥ 32 characters). */
    LAUNCH_SECRET: z.string().min(32).optional(),
    /** JWKS URL for RS256 launch tokens (instead of, or as well as, LAUNCH_SECRET). */
    LAUNCH_JWKS_URL: z.url().optional(),
    LAUNCH_ISSUER: z.string().min(1).optional(),
    LAUNCH_AUDIENCE: z.string().min(1).default("minted-shop"),
    /** Key material for the session cookie (≥ 32 characters). */
    SESSION_SECRET: z.string().min(32).optional(),
    /** Absolute lifetime of a session in seconds, however active it is. */
    SESSION_MAX_AGE: z.coerce
      .number()
      .int()
      .min(300)
      .max(30 * 86_400)
      .default(12 * 3600),
    /** Seconds without a request after which a session ends (server/session/records.ts). */
    SESSION_IDLE_TIMEOUT: z.coerce
      .number()
      .int()
      .min(60)
      .max(30 * 86_400)
      .default(30 * 60),

    /**
     * The seller printed on the invoice details (page and PDF): the partner's legal entity that
     * invoices the customer. Minted's invoice names no seller. All four are required in
     * production; development and sandbox mode print a sample seller, labelled as such.
     */
    INVOICE_SELLER_NAME: z.string().trim().min(2).max(200).optional(),
    INVOICE_SELLER_TAX_OFFICE: z.string().trim().min(2).max(100).optional(),
    INVOICE_SELLER_TAX_NUMBER: z
      .string()
      .regex(/^\d{10,11}$/, "10-digit VKN (or 11-digit TCKN)")
      .optional(),
    INVOICE_SELLER_ADDRESS: z.string().trim().min(5).max(300).optional(),

    /** Redis for idempotency records, rate limits and used launch-token ids across instances. */
    REDIS_URL: z.url().optional(),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(300),
    RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(1200),
    LOG_LEVEL: z.enum(["silent", "error", "warn", "info", "debug"]).default("info"),
  })
  .superRefine((env, ctx) => {
    for (const issue of productionIssues(env)) ctx.addIssue({ code: "custom", ...issue });
  })
  .transform((env) => {
    const sandboxMode = env.NODE_ENV !== "production" || env.SANDBOX;
    return {
      ...env,
      /** True when dev conveniences (/dev/launch, dev secrets) are allowed. */
      sandboxMode,
      LAUNCH_SECRET: env.LAUNCH_SECRET ?? (sandboxMode ? DEV_LAUNCH_SECRET : undefined),
      SESSION_SECRET: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
    };
  });

/** What production needs that development may default: checked on its own so it is always reported. */
function productionIssues(env: {
  NODE_ENV?: string;
  SANDBOX?: boolean | string;
  SESSION_SECRET?: string;
  LAUNCH_SECRET?: string;
  LAUNCH_JWKS_URL?: string;
  INVOICE_SELLER_NAME?: string;
  INVOICE_SELLER_TAX_OFFICE?: string;
  INVOICE_SELLER_TAX_NUMBER?: string;
  INVOICE_SELLER_ADDRESS?: string;
}): { path: string[]; message: string }[] {
  const sandbox = env.SANDBOX === true || env.SANDBOX === "1" || env.SANDBOX === "true";
  const production = (env.NODE_ENV ?? "production") === "production" && !sandbox;
  if (!production) return [];
  const issues: { path: string[]; message: string }[] = [];
  if (!env.SESSION_SECRET)
    issues.push({ path: ["SESSION_SECRET"], message: "required in production" });
  if (!env.LAUNCH_SECRET && !env.LAUNCH_JWKS_URL)
    issues.push({
      path: ["LAUNCH_SECRET"],
      message: "LAUNCH_SECRET or LAUNCH_JWKS_URL is required in production",
    });
  // Minted's invoice names no seller: the partner's own details are printed on every invoice.
  for (const name of [
    "INVOICE_SELLER_NAME",
    "INVOICE_SELLER_TAX_OFFICE",
    "INVOICE_SELLER_TAX_NUMBER",
    "INVOICE_SELLER_ADDRESS",
  ] as const)
    if (!env[name]?.trim())
      issues.push({
        path: [name],
        message: "required in production (the seller printed on invoices; Minted gives none)",
      });
  return issues;
}

export type ProxyEnv = z.output<typeof proxyEnvSchema>;

/** Parse the environment; on failure, one message listing every bad variable. */
export function readProxyEnv(env: NodeJS.ProcessEnv = process.env): ProxyEnv {
  const parsed = proxyEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.map(String),
      message: i.message,
    }));
    // zod skips the refinement when other fields fail; report production's needs regardless.
    for (const extra of productionIssues(env))
      if (!issues.some((i) => i.path.join(".") === extra.path.join("."))) issues.push(extra);
    const lines = issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid proxy environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
