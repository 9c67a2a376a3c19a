import * as ops from "../../contract/api/checkout.ts";
import { createHash } from "node:crypto";
import type { Context } from "hono";
import { z } from "zod";
import {
  isAccepted,
  legalTypeSchema,
  type LegalAcceptance,
  type LegalDocument,
  type LegalType,
} from "../../contract/checkout.ts";
import type { AppDeps, AppEnv, KeyValueStore } from "../deps.ts";
import { ApiError, type Lang, t } from "../problem.ts";
import { filledBasket } from "./basket.ts";
import { sanitizeLegalHtml } from "./legal-html.ts";
import { handle, type RouteSpec } from "./registry.ts";

/**
 * Consent to the legal documents, recorded by the proxy. The browser only says which documents
 * the customer ticked (and which version it showed them); the proxy records, per basket (its cart
 * token, which the browser never sees) and customer, upstream's current version of each and the
 * time from its own clock. The completion accepts only a recorded acceptance of every current
 * document in its current version, and copies it into the checkout record kept with the order,
 * which the receipt prints.
 */

/** A recorded acceptance outlives any basket a customer keeps open; after it, tick again. */
export const CONSENT_TTL_SECONDS = 30 * 24 * 3600;

const storedSchema = z.object({ version: z.string(), acceptedAt: z.string() });

/** One key per document, so that ticks of the two documents never overwrite each other. */
function keyOf(customer: string, cartToken: string, type: LegalType): string {
  const basket = createHash("sha256").update(`${customer}\n${cartToken}`).digest("hex");
  return `consent:${basket}:${type}`;
}

async function readConsent(
  store: KeyValueStore,
  customer: string,
  cartToken: string,
): Promise<LegalAcceptance[]> {
  const entries = await Promise.all(
    legalTypeSchema.options.map(async (type) => {
      const raw = await store.get(keyOf(customer, cartToken, type));
      if (raw === null) return [];
      const parsed = storedSchema.safeParse(JSON.parse(raw));
      return parsed.success ? [{ type, ...parsed.data }] : [];
    }),
  );
  return entries.flat();
}

/** The customer-facing note on a document whose version moved on since it was read. */
function changedMessage(lang: Lang, doc: { title: string; version: string }): string {
  return t(
    lang,
    `${doc.title} güncellendi (sürüm ${doc.version}); lütfen okuyup yeniden onaylayın.`,
    `${doc.title} has changed (version ${doc.version}); please read and accept it again.`,
  );
}

/** Upstream's current documents (types this shop knows), with their versions. */
async function currentTypes(deps: AppDeps) {
  const types = await deps.upstream.call({ op: "legalTypes" });
  return types.flatMap((d) => {
    const type = legalTypeSchema.safeParse(d.type);
    return type.success ? [{ type: type.data, version: d.version, title: d.title }] : [];
  });
}

/**
 * The recorded acceptances of every current document in its current version, for the completion
 * to keep with the order; 422 `legalAcceptances` (one message per document) when one is missing
 * or of an older version.
 */
export async function acceptedForCompletion(
  deps: AppDeps,
  c: Context<AppEnv>,
  customer: string,
  cartToken: string,
): Promise<LegalAcceptance[]> {
  const [current, recorded] = await Promise.all([
    currentTypes(deps),
    readConsent(deps.store, customer, cartToken),
  ]);
  const { lang } = c.var;
  const missing = current.filter((d) => !isAccepted(recorded, d));
  if (missing.length > 0)
    throw new ApiError("validation_failed", {
      errors: {
        legalAcceptances: missing.map((d) =>
          recorded.some((a) => a.type === d.type)
            ? changedMessage(lang, d)
            : t(
                lang,
                `Lütfen ${d.title} belgesini okuyup onaylayın.`,
                `Please read and accept the ${d.title}.`,
              ),
        ),
      },
    });
  return recorded.filter((a) => current.some((d) => d.type === a.type));
}

export function consentRoutes(deps: AppDeps): RouteSpec[] {
  return [
    handle(ops.getCheckoutLegal, {
      handler: async ({ c, customer }) => {
        const order = await filledBasket(deps, c, customer);
        const [types, acceptances] = await Promise.all([
          currentTypes(deps),
          readConsent(deps.store, customer, order.token),
        ]);
        const documents = await Promise.all(
          types.map(({ type }) =>
            deps.upstream
              .call({
                op: "legalDocument",
                body: { type, external_customer_id: customer, cart_token: order.token },
              })
              .then((doc): LegalDocument => ({
                type,
                version: doc.version,
                title: doc.title,
                html: sanitizeLegalHtml(doc.html),
              })),
          ),
        );
        return { documents, acceptances };
      },
    }),
    handle(ops.setCheckoutLegalAcceptance, {
      handler: async ({ c, body, customer }) => {
        const order = await filledBasket(deps, c, customer);
        const current = await currentTypes(deps);
        const changed = body.documents.flatMap((read) => {
          const doc = current.find((d) => d.type === read.type);
          return doc && doc.version === read.version ? [] : [doc ?? { ...read, title: read.type }];
        });
        // Consent to a version the customer was never shown is no consent: read it again first.
        if (body.accepted && changed.length > 0)
          throw new ApiError("validation_failed", {
            errors: { documents: changed.map((d) => changedMessage(c.var.lang, d)) },
          });
        const recorded = await readConsent(deps.store, customer, order.token);
        const acceptedAt = new Date(deps.now()).toISOString();
        await Promise.all(
          body.documents.map(({ type }) => {
            const key = keyOf(customer, order.token, type);
            if (!body.accepted) return deps.store.delete(key);
            const version = current.find((d) => d.type === type)?.version ?? "";
            // Ticked again in the same version: the first tick's time stands.
            if (isAccepted(recorded, { type, version })) return Promise.resolve();
            const value = JSON.stringify({ version, acceptedAt });
            return deps.store.set(key, value, CONSENT_TTL_SECONDS);
          }),
        );
        return { acceptances: await readConsent(deps.store, customer, order.token) };
      },
    }),
  ];
}
