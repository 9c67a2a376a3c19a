import { createHash, randomUUID } from "node:crypto";
import { Hono } from "hono";
import { z } from "zod";
import { currencySchema } from "../../contract/common.ts";
import { localeSchema } from "../../contract/session.ts";
import type { AppDeps, AppEnv, Session } from "../deps.ts";
import { isSecureRequest } from "../http/secure.ts";
import { DEV_LAUNCH_SECRET } from "../env.ts";
import { sessionSetCookie } from "./cookie.ts";
import { customerIdSchema, mintDevLaunchToken, type LaunchProfile } from "./launch-token.ts";
import { sessionRecords } from "./records.ts";

/** A same-origin path: starts with one "/" (not "//" or "/\"), no scheme, no control characters. */
export const localPathSchema = z
  .string()
  .max(300)
  .regex(/^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*$/);

const querySchema = z.object({
  customer: customerIdSchema.default("DEMO-IND-001"),
  to: localPathSchema.default("/"),
  locale: z.optional(localeSchema),
  currency: z.optional(currencySchema),
});

const devSessionSchema = z.object({
  customer: customerIdSchema,
  locale: z.optional(localeSchema),
});

/** A valid (checksummed) TCKN derived from the customer id, for the dev profile. */
function devTckn(customer: string): string {
  const hash = createHash("sha256").update(customer).digest();
  const d = [1 + ((hash[0] ?? 0) % 9), ...Array.from(hash.subarray(1, 9), (b) => b % 10)];
  const at = (i: number) => d[i] ?? 0;
  const d10 =
    ((((at(0) + at(2) + at(4) + at(6) + at(8)) * 7 - (at(1) + at(3) + at(5) + at(7))) % 10) + 10) %
    10;
  const d11 = (d.reduce((sum, n) => sum + n, 0) + d10) % 10;
  return [...d, d10, d11].join("");
}

/** Used only when the customer does not exist yet in the sandbox. */
export function devProfile(customer: string): LaunchProfile {
  const tag = createHash("sha256").update(customer).digest("hex").slice(0, 10);
  return {
    firstname: "Deneme",
    lastname: "Müşteri",
    email: `dev-${tag}@example.com`,
    phone: "+905550000000",
    identity_number: devTckn(customer),
  };
}

/**
 * Sandbox mode only (app.ts mounts it when env.sandboxMode): GET /dev/launch?customer=…&to=…
 * mints a launch token with the development secret, exactly as a partner backend would, and
 * sends the browser to /launch with the token in the URL fragment — the real launch flow.
 */
export function devLaunchRoutes(deps: Pick<AppDeps, "env" | "store" | "now">): Hono<AppEnv> {
  const { env } = deps;
  const app = new Hono<AppEnv>();
  const records = sessionRecords(deps);
  /**
   * POST /dev/session {customer, locale?}: the session a launch of `customer` leaves behind,
   * without asking upstream for the customer — for upstreams that cannot answer Get Customer
   * (the replay of Minted's documented examples). Same guard as /dev/launch (whoever could use it
   * can mint launch tokens anyway), and JSON only, so a cross-site form cannot post it.
   */
  app.post("/dev/session", async (c) => {
    c.header("Cache-Control", "no-store");
    if (!env.sandboxMode || env.LAUNCH_SECRET !== DEV_LAUNCH_SECRET)
      return c.text("Not Found", 404);
    if (c.req.header("content-type")?.split(";")[0]?.trim() !== "application/json")
      return c.text("JSON only", 415);
    const parsed = devSessionSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.text("Bad request: {customer, locale?}", 400);
    const session: Session = {
      sid: randomUUID(),
      kind: "launch",
      customer: parsed.data.customer,
      locale: parsed.data.locale ?? "tr",
      currency: "TRY",
      theme: null,
      guestBasket: [],
      exp: Math.floor(deps.now() / 1000) + env.SESSION_MAX_AGE,
    };
    await records.saved(session, null);
    c.header(
      "Set-Cookie",
      await sessionSetCookie(session, env, isSecureRequest(c, env), deps.now()),
    );
    return c.body(null, 204);
  });
  app.get("/dev/launch", async (c) => {
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    if (!env.sandboxMode) return c.text("Not Found", 404);
    if (env.LAUNCH_SECRET !== DEV_LAUNCH_SECRET)
      return c.text("/dev/launch needs the development LAUNCH_SECRET (unset LAUNCH_SECRET).", 409);
    const parsed = querySchema.safeParse(c.req.query());
    if (!parsed.success)
      return c.text(
        "Bad request: customer must be 1–110 of [A-Za-z0-9_-]; to must be a local path.",
        400,
      );
    const { customer, to, locale, currency } = parsed.data;
    const token = await mintDevLaunchToken(env, customer, {
      profile: devProfile(customer),
      ...(locale ? { locale } : {}),
      ...(currency ? { currency } : {}),
    });
    return c.redirect(`/launch#token=${token}&to=${encodeURIComponent(to)}`, 302);
  });
  return app;
}
