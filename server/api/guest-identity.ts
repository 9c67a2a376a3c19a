import * as ops from "../../contract/api/checkout.ts";
import { randomUUID } from "node:crypto";
import { type IdentityBody } from "../../contract/basket.ts";
import type { InputOf } from "../../minted/operations.ts";
import type { AppDeps } from "../deps.ts";
import { ApiError } from "../problem.ts";
import { basketView } from "./basket-views.ts";
import { catalogMap, moveLines, sessionOf } from "./basket.ts";
import type { CatalogEntry } from "./catalog-source.ts";
import { handle, type RouteSpec } from "./registry.ts";
import { withOurFieldNames } from "./upstream-refusals.ts";

/**
 * The guest's checkout identity: Create Customer for a person (api-25995712), Create Business
 * Customer for a company (api-15819241), one operation told apart by `account_type`.
 */

/** The Create (Business) Customer body for the identity form. */
export function customerCreateBody(
  externalId: string,
  body: IdentityBody,
): InputOf<"customerCreate"> {
  if (body.accountType === "company")
    return {
      external_id: externalId,
      account_type: "company",
      // Create Business Customer keeps the company name in `firstname`.
      firstname: body.companyName,
      identity_number: body.taxNumber,
      tax_office: body.taxOffice,
      email: body.email,
      phone: body.phone,
    };
  return {
    external_id: externalId,
    account_type: "person",
    firstname: body.firstname,
    lastname: body.lastname,
    email: body.email,
    phone: body.phone,
    identity_number: body.identityNumber,
  };
}

/** Minted's field names on a refusal, as the company form names them. */
const COMPANY_FIELDS = {
  firstname: "companyName",
  identity_number: "taxNumber",
  tax_office: "taxOffice",
};

export function guestIdentityRoutes(deps: AppDeps): RouteSpec[] {
  return [
    handle(ops.bindGuestIdentity, {
      handler: async ({ c, body, session }) => {
        const s = sessionOf(session);
        if (s.customer)
          throw new ApiError("conflict", {
            detail: {
              tr: "Bu oturum zaten bir müşteriye bağlı.",
              en: "This session already belongs to a customer.",
            },
          });
        const externalId = `G-${randomUUID().replace(/-/g, "")}`;
        const created = await withOurFieldNames(
          deps.upstream.call({
            op: "customerCreate",
            body: customerCreateBody(externalId, body),
          }),
          body.accountType === "company" ? COMPANY_FIELDS : {},
        );
        // Bound whatever happens to the basket lines: the customer exists upstream now, and a
        // second submit must not create another one.
        c.set("session", { ...s, customer: created.external_id, guestBasket: [] });
        c.set("sessionChanged", true);
        const moved = await moveLines(deps, c, created.external_id, null, s.guestBasket);
        const { lang } = c.var;
        return {
          customer: {
            accountType: body.accountType,
            name:
              body.accountType === "company"
                ? body.companyName
                : `${body.firstname} ${body.lastname}`,
            email: body.email,
          },
          // Without the catalog the lines only lack their limits; the binding must still answer.
          basket: basketView(
            moved.order,
            await catalogMap(deps, c).catch(() => new Map<string, CatalogEntry>()),
            lang,
            deps.now(),
          ),
          skipped: moved.skipped,
        };
      },
    }),
  ];
}
