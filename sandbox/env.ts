import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65535);
const seconds = z.coerce.number().int().min(1).max(86_400);

/** Every environment variable the sandbox reads, validated once at start-up. */
export const sandboxEnvSchema = z.object({
  SANDBOX_PORT: port.default(4010),
  SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
  /** Base URL the sandbox uses in paginator links, image URLs and 3-D Secure redirects. */
  SANDBOX_PUBLIC_URL: z.url().optional(),
  SANDBOX_USERNAME: z.string().min(1).default("demo-partner"),
  SANDBOX_PASSWORD: z.string().min(1).default("demo-secret"),
  SANDBOX_DIGEST_ALGORITHM: z.enum(["MD5", "SHA-256"]).default("MD5"),
  SANDBOX_NONCE_TTL: seconds.default(300),
  SANDBOX_PRICEFIX_TTL: seconds.default(240),
  SANDBOX_BEARER_TTL: seconds.default(3600),
  SANDBOX_PRICE_TICK_MS: z.coerce.number().int().min(100).max(600_000).default(3000),
  SANDBOX_SEED: z.coerce.number().int().default(20_261_122),
  SANDBOX_LOG: z.enum(["silent", "info"]).default("info"),
});

export type SandboxEnv = z.infer<typeof sandboxEnvSchema>;

export function readSandboxEnv(env: NodeJS.ProcessEnv = process.env): SandboxEnv {
  const parsed = sandboxEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid sandbox environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
