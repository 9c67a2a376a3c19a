import * as ops from "../../contract/api/session.ts";
import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import { type SessionView } from "../../contract/session.ts";
import { handle, type RouteSpec } from "../api/registry.ts";
import type { AppDeps, AppEnv, Session } from "../deps.ts";
import { ApiError } from "../problem.ts";
import { UpstreamError } from "../upstream/types.ts";
import type { UpstreamCustomer } from "../../minted/schemas/orders.ts";
import { createLaunchVerifier, type LaunchClaims, type LaunchProfile } from "./launch-token.ts";
import { sessionRecords } from "./records.ts";

const displayName = (customer: UpstreamCustomer): string =>
  customer.fullname?.trim() ||
  [customer.firstname, customer.lastname].filter(Boolean).join(" ").trim();

const REQUIRED_FOR_CREATE = ["firstname", "lastname", "email", "phone", "identity_number"] as const;

function newSession(
  deps: AppDeps,
  fields: Pick<Session, "kind" | "customer" | "locale" | "currency" | "theme">,
): Session {
  return {
    sid: randomUUID(),
    ...fields,
    guestBasket: [],
    exp: Math.floor(deps.now() / 1000) + deps.env.SESSION_MAX_AGE,
  };
}

function view(session: Session, name: string | null): SessionView {
  return {
    kind: session.kind,
    customer: session.customer ? { id: session.customer, name } : null,
    locale: session.locale,
    currency: session.currency,
    theme: session.theme,
  };
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof UpstreamError && error.failure === "rejected" && error.details.status === 404
  );
}

/**
 * The upstream customer for a launch: read it, or create it from the token's profile. A
 * concurrent launch may create it first; then the create's rejection is followed by a re-read.
 */
async function ensureCustomer(
  deps: AppDeps,
  c: Context<AppEnv>,
  claims: LaunchClaims,
): Promise<UpstreamCustomer> {
  const { lang } = c.var;
  const get = () =>
    deps.upstream.call({
      op: "customerGet",
      params: { external_customer_id: claims.sub },
    });
  try {
    return await get();
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const profile: LaunchProfile = claims.profile ?? {};
  const missing = REQUIRED_FOR_CREATE.filter((field) => !profile[field]);
  if (missing.length > 0) {
    c.get("logger").warn("launch: unknown customer without a complete profile", { missing });
    throw new ApiError("validation_failed", {
      detail: {
        tr: "Müşteri bulunamadı ve giriş bağlantısındaki profil onu oluşturmaya yetmiyor.",
        en: "The customer does not exist and the launch token's profile cannot create it.",
      },
      errors: Object.fromEntries(
        missing.map((field) => [
          `profile.${field}`,
          [
            lang === "tr"
              ? "Müşteriyi oluşturmak için gerekli."
              : "Required to create the customer.",
          ],
        ]),
      ),
    });
  }
  try {
    return await deps.upstream.call({
      op: "customerCreate",
      body: { external_id: claims.sub, account_type: "person", ...profile },
    });
  } catch (error) {
    if (!(error instanceof UpstreamError && error.failure === "rejected")) throw error;
    try {
      return await get();
    } catch {
      throw error;
    }
  }
}

/** The customer's display name for /me; null when upstream cannot tell us right now. */
async function customerName(deps: AppDeps, c: Context<AppEnv>, customer: string) {
  try {
    const found = await deps.upstream.call({
      op: "customerGet",
      params: { external_customer_id: customer },
    });
    return displayName(found) || null;
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    c.get("logger").warn("session: customer name unavailable", { failure: error.failure });
    return null;
  }
}

/** The name of the session's customer (none for a guest not bound to one). */
function sessionName(deps: AppDeps, c: Context<AppEnv>, session: Session) {
  return session.customer ? customerName(deps, c, session.customer) : Promise.resolve(null);
}

function replaceSession(c: Context<AppEnv>, session: Session | null): void {
  c.set("session", session);
  c.set("sessionChanged", true);
}

/**
 * POST /api/session, POST /api/session/guest, GET /api/session/me, POST /api/session/logout,
 * POST /api/session/logout-all. The session middleware records what these change.
 */
export function sessionRoutes(deps: AppDeps): RouteSpec[] {
  const verifier = createLaunchVerifier(deps);
  const records = sessionRecords(deps);
  return [
    handle(ops.startSession, {
      handler: async ({ c, body }) => {
        const claims = await verifier.verify(body.token, c.var.lang);
        const customer = await ensureCustomer(deps, c, claims);
        // A fresh session every time: nothing of a previous customer's (or guest's) state survives.
        const session = newSession(deps, {
          kind: "launch",
          customer: claims.sub,
          // Turkish unless the partner says otherwise: the device language is not the customer's choice.
          locale: claims.locale ?? "tr",
          currency: claims.currency ?? "TRY",
          theme: claims.theme ?? null,
        });
        replaceSession(c, session);
        c.get("logger").info("session started", { sid: session.sid, kind: "launch" });
        return view(session, displayName(customer) || null);
      },
    }),
    handle(ops.startGuestSession, {
      handler: async ({ c, body, session }) => {
        // Idempotent for a running guest session (a reload must not drop the guest basket).
        if (session?.kind === "guest")
          return view(
            session,
            session.customer ? await customerName(deps, c, session.customer) : null,
          );
        const guest = newSession(deps, {
          kind: "guest",
          customer: null,
          locale: body.locale ?? c.var.lang,
          currency: body.currency ?? "TRY",
          theme: null,
        });
        replaceSession(c, guest);
        c.get("logger").info("session started", { sid: guest.sid, kind: "guest" });
        return view(guest, null);
      },
    }),
    handle(ops.getSession, {
      handler: async ({ c, session }) => {
        if (!session) throw new ApiError("unauthenticated");
        return view(session, await sessionName(deps, c, session));
      },
    }),
    handle(ops.getCurrentSession, {
      handler: async ({ c, session }) => ({
        session: session ? view(session, await sessionName(deps, c, session)) : null,
      }),
    }),
    handle(ops.endSession, {
      handler: ({ c, session }) => {
        replaceSession(c, null);
        if (session) c.get("logger").info("session ended", { sid: session.sid });
        return Promise.resolve(c.body(null, 204));
      },
    }),
    handle(ops.endAllSessions, {
      handler: async ({ c, session }) => {
        if (!session) throw new ApiError("unauthenticated");
        // A guest without a customer has only this session.
        if (session.customer) await records.endAll(session.customer);
        replaceSession(c, null);
        c.get("logger").info("sessions ended everywhere", { sid: session.sid });
        return c.body(null, 204);
      },
    }),
  ];
}
