import { z } from "zod";

const origins = z
  .string()
  .default("")
  .transform((s) => s.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(z.url().refine((u) => /^https?:\/\/[^/]+$/.test(u), "an origin, without a path")));

/** Every environment variable the proxy reads, validated once at start-up. */
export const proxyEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** The built SPA; absent in `npm run dev`, where Vite serves the shop. */
  DIST_DIR: z.string().default("dist"),
  /** Partner origins allowed to frame the shop (iframe embedding); none by default. */
  FRAME_ANCESTORS: origins,
});

export type ProxyEnv = z.infer<typeof proxyEnvSchema>;

export function readProxyEnv(env: NodeJS.ProcessEnv = process.env): ProxyEnv {
  const parsed = proxyEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid proxy environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
