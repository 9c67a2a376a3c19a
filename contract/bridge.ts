import { z } from "zod/mini";
import { currencySchema } from "./common.ts";
import { localeSchema, themeValueSchema } from "./session.ts";

/**
 * The host bridge: one versioned protocol between the shop and a partner app (React Native,
 * iOS WKWebView, Android WebView) or a partner page framing it. Every message is a JSON string
 * `{v: 1, type, payload, id?}`; both directions are validated with these schemas, which
 * docs/embedding.md and the tests share.
 */

export const BRIDGE_PROTOCOL = "minted-shop";
export const BRIDGE_VERSION = 1;

const messageId = z.string().check(z.minLength(1), z.maxLength(64));

/** Any message: what is checked before the type is looked at. */
export const envelopeSchema = z.object({
  v: z.literal(BRIDGE_VERSION),
  type: z.string().check(z.minLength(1), z.maxLength(40)),
  payload: z.optional(z.unknown()),
  id: z.optional(messageId),
});
export type Envelope = z.infer<typeof envelopeSchema>;

const money = z.number().check(z.nonnegative());
const httpsOrLocalUrl = z.string().check(z.maxLength(4096), z.regex(/^https?:\/\//));

// ------------------------------------------------------------------ page → host (events)

export const eventPayloadSchemas = {
  ready: z.object({ protocol: z.literal(BRIDGE_PROTOCOL), version: z.literal(BRIDGE_VERSION) }),
  "basket.changed": z.object({ count: z.number(), total: money, currency: currencySchema }),
  "checkout.started": z.object({}),
  "order.completed": z.object({ order_code: z.string(), total: money, currency: currencySchema }),
  "order.failed": z.object({ reason: z.string() }),
  "link.open": z.object({ url: httpsOrLocalUrl }),
  "file.open": z.object({ url: httpsOrLocalUrl, mime: z.string(), filename: z.string() }),
  "close.requested": z.object({}),
  "auth.expired": z.object({}),
  /** The answer to `back`, with the command's `id`. */
  "back.result": z.object({ handled: z.boolean() }),
  /** The answer to `session.end`, with the command's `id`: false when the proxy could not be reached. */
  "session.ended": z.object({ ended: z.boolean() }),
};
export type BridgeEventType = keyof typeof eventPayloadSchemas;
export type BridgeEventPayload<T extends BridgeEventType> = z.infer<
  (typeof eventPayloadSchemas)[T]
>;

// ------------------------------------------------------------------ host → page (commands)

/** Colour tokens a host may set (each becomes `--color-<name>`). */
export const THEME_COLOR_NAMES = [
  "primary",
  "primary-contrast",
  "primary-soft",
  "surface",
  "surface-raised",
  "surface-sunken",
  "text",
  "text-muted",
  "border",
  "border-strong",
  "danger",
  "success",
] as const;
export type ThemeColorName = (typeof THEME_COLOR_NAMES)[number];

/** A colour: hex, rgb()/hsl()/oklch() — nothing that could fetch or break out of a value. */
const colorSchema = z
  .string()
  .check(
    z.regex(/^(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla|oklch|oklab)\([0-9a-zA-Z.,%/ +-]{1,60}\))$/),
  );

export const colorSchemeSchema = z.enum(["light", "dark", "system"]);
export type ColorScheme = z.infer<typeof colorSchemeSchema>;

export const themeCommandSchema = z.object({
  colors: z.optional(z.partialRecord(z.enum(THEME_COLOR_NAMES), colorSchema)),
  /** A CSS length for the card radius, e.g. `12px` or `0.75rem`. */
  radius: z.optional(z.string().check(z.regex(/^\d{1,2}(\.\d{1,3})?(px|rem)$/))),
  /** A font-family list of fonts installed on the device (no downloads). */
  font: z.optional(themeValueSchema.check(z.regex(/^[A-Za-z0-9 ,"'-]+$/), z.maxLength(100))),
  colorScheme: z.optional(colorSchemeSchema),
});
export type ThemeCommand = z.infer<typeof themeCommandSchema>;

const inset = z.number().check(z.gte(0), z.lte(200));

export const commandPayloadSchemas = {
  "theme.set": themeCommandSchema,
  "locale.set": z.object({ locale: localeSchema }),
  "currency.set": z.object({ currency: currencySchema }),
  back: z.optional(z.object({})),
  "session.refresh": z.object({ token: z.string().check(z.minLength(1), z.maxLength(8192)) }),
  /** Log the customer out (the host signed out, or its own session ended). */
  "session.end": z.optional(z.object({})),
  "insets.set": z.object({ top: inset, right: inset, bottom: inset, left: inset }),
};
export type BridgeCommandType = keyof typeof commandPayloadSchemas;

const command = <T extends BridgeCommandType>(type: T) =>
  z.object({
    v: z.literal(BRIDGE_VERSION),
    type: z.literal(type),
    payload: commandPayloadSchemas[type],
    id: z.optional(messageId),
  });

/** Every command, discriminated by `type`. */
export const commandSchema = z.discriminatedUnion("type", [
  command("theme.set"),
  command("locale.set"),
  command("currency.set"),
  command("back"),
  command("session.refresh"),
  command("session.end"),
  command("insets.set"),
]);
export type BridgeCommand = z.infer<typeof commandSchema>;

/**
 * A command from the host: a JSON string (or, through the global function, an already parsed
 * object). Anything else — wrong version, unknown type, bad payload, not JSON — is null.
 */
export function parseCommand(raw: unknown): BridgeCommand | null {
  let value: unknown = raw;
  if (typeof raw === "string") {
    if (raw.length > 16_384) return null;
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  const parsed = commandSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** An event as the page sends it (the payload is checked before it leaves). */
export function serializeEvent<T extends BridgeEventType>(
  type: T,
  payload: BridgeEventPayload<T>,
  id?: string,
): string {
  const checked = eventPayloadSchemas[type].parse(payload);
  return JSON.stringify({ v: BRIDGE_VERSION, type, payload: checked, ...(id ? { id } : {}) });
}

/** GET /api/embed/config: what the page needs to recognise its host (never a secret). */
export const embedConfigSchema = z.object({
  /** Origins allowed to frame the shop and talk to it with postMessage. */
  parentOrigins: z.array(z.string()),
});
export type EmbedConfig = z.infer<typeof embedConfigSchema>;
