import { z } from "zod/mini";
import { currencySchema } from "./common.ts";

/** Session operations of the proxy API: launch, guest, me, logout, logout everywhere. */

export const localeSchema = z.enum(["tr", "en"]);
export type SessionLocale = z.infer<typeof localeSchema>;

/** CSS functions that fetch or embed resources (CSP img-src is the second line of defence). */
const RESOURCE_FUNCTION =
  /(?:url|src|image|image-set|-webkit-image-set|cross-fade|element|expression)\s*\(/i;

const hasControlCharacter = (value: string) =>
  Array.from(value).some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

/** A partner theme variable value: short, and nothing that could leave the declaration. */
export const themeValueSchema = z.string().check(
  z.minLength(1),
  z.maxLength(100),
  z.refine(
    (value) =>
      !/[;{}<>\\]/.test(value) && !RESOURCE_FUNCTION.test(value) && !hasControlCharacter(value),
    {
      params: {
        tr: "Tema değeri ; { } < > \\ ya da url( içeremez.",
        en: "A theme value cannot contain ; { } < > \\ or url(.",
      },
    },
  ),
);

export const MAX_THEME_VARIABLES = 12;

/**
 * Partner theme: CSS custom property name → value (e.g. `--color-primary` → `#0a7d5a`). The shop
 * applies it with `style.setProperty`, so it can only change variables, never add rules.
 */
export const themeSchema = z
  .record(z.string().check(z.regex(/^--[a-z0-9-]{1,40}$/)), themeValueSchema)
  .check(
    z.refine((theme) => Object.keys(theme).length <= MAX_THEME_VARIABLES, {
      params: {
        tr: `En fazla ${String(MAX_THEME_VARIABLES)} tema değişkeni olabilir.`,
        en: `At most ${String(MAX_THEME_VARIABLES)} theme variables.`,
      },
    }),
  );
export type Theme = z.infer<typeof themeSchema>;

/** POST /api/session: swap a partner launch token for the session cookie. */
export const launchRequestSchema = z.object({
  token: z.string().check(z.minLength(1), z.maxLength(8192)),
});
export type LaunchRequest = z.infer<typeof launchRequestSchema>;

/** POST /api/session/guest: a guest session for the standalone shop. */
export const guestRequestSchema = z.object({
  locale: z.optional(localeSchema),
  currency: z.optional(currencySchema),
});
export type GuestRequest = z.infer<typeof guestRequestSchema>;

/** What the shop may know about its session (never the identity number). */
export const sessionViewSchema = z.object({
  kind: z.enum(["launch", "guest"]),
  /** Null for a guest not yet bound to a customer. */
  customer: z.nullable(
    z.object({
      id: z.string(),
      /** Null when the name could not be read from upstream just now. */
      name: z.nullable(z.string()),
    }),
  ),
  locale: localeSchema,
  currency: currencySchema,
  theme: z.nullable(themeSchema),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/**
 * GET /api/session/current: the session, or null without one. Not a 401: a guest's first visit
 * asks it for the header, and a visit that merely has no session yet has nothing failing.
 */
export const currentSessionSchema = z.object({ session: z.nullable(sessionViewSchema) });
export type CurrentSession = z.infer<typeof currentSessionSchema>;

/**
 * POST /api/session/logout-all: "log out on all devices" — every session of the customer ends
 * (204). A JSON body (`{}`), so the request is CSRF-guarded like every other mutation.
 */
export const logoutAllRequestSchema = z.object({});
export type LogoutAllRequest = z.infer<typeof logoutAllRequestSchema>;
