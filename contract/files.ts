import { z } from "zod/mini";

/**
 * A short-lived link to a file the proxy makes (an invoice PDF): an absolute https URL that works
 * without the session cookie, so that a webview can hand it to the system's viewer or the
 * browser can download it (`Content-Disposition: attachment`).
 */
export const fileLinkSchema = z.object({
  url: z.string(),
  filename: z.string(),
  mime: z.literal("application/pdf"),
  /** ISO 8601; the link refuses to work after this. */
  expiresAt: z.string(),
});
export type FileLink = z.infer<typeof fileLinkSchema>;

export const fileParamsSchema = z.object({
  token: z.string().check(z.minLength(20), z.maxLength(2000), z.regex(/^[A-Za-z0-9_.-]+$/)),
  filename: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,80}\.pdf$/)),
});
