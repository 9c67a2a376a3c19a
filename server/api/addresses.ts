import * as ops from "../../contract/api/addresses.ts";
import { type Address, type AddressForm } from "../../contract/addresses.ts";
import type { AppDeps } from "../deps.ts";
import { ApiError } from "../problem.ts";
import { type UpstreamAddress } from "../../minted/schemas/checkout.ts";
import { addressView } from "./order-views.ts";
import { handle, type RouteSpec } from "./registry.ts";
import { withOurFieldNames } from "./upstream-refusals.ts";

/** The customer's saved addresses. Someone else's id is a 404, as a missing one. */

/** The customer's saved addresses as Minted lists them (filtered upstream by customer). */
async function savedAddresses(deps: AppDeps, customer: string) {
  return deps.upstream.call({
    op: "addressList",
    query: { external_customer_id: customer },
  });
}

/**
 * Refuse (404) an address id that is not in the customer's own list, before Minted sees it: the
 * proxy does not rely on upstream to enforce ownership of ids the browser sends.
 */
export async function assertOwnAddresses(
  deps: AppDeps,
  customer: string,
  ids: readonly (string | number)[],
): Promise<void> {
  const list = await savedAddresses(deps, customer);
  const own = new Set(list.map((a) => String(a.id)));
  if (ids.some((id) => !own.has(String(id)))) throw new ApiError("not_found");
}

/** The address form in Minted's field names (Customer Address - Create, Set Custom Address). */
export function upstreamAddressFields(form: AddressForm) {
  const corporate = form.invoiceType === "corporate";
  return {
    invoice_type: corporate ? ("Corporate" as const) : ("Individual" as const),
    ...(corporate && form.companyName ? { company_name: form.companyName } : {}),
    ...(corporate && form.taxOffice ? { tax_office: form.taxOffice } : {}),
    tax_number: form.taxNumber,
    fullname: form.fullName,
    phone: form.phone,
    city: form.city,
    county: form.county,
    district: form.district,
    zipcode: form.zipcode,
    address: form.line,
  };
}

/** A saved address the customer can choose: it has Minted's id and says what it is for. */
function savedAddressView(a: UpstreamAddress): Address | null {
  // The view reads the address fields; the saved address's id is checked and kept here.
  const view = addressView({ ...a, id: null });
  const id = Number(a.id);
  if (!view || !a.type || !Number.isSafeInteger(id)) return null;
  return { ...view, id, type: a.type };
}

export function addressRoutes(deps: AppDeps): RouteSpec[] {
  return [
    handle(ops.listAddresses, {
      handler: async ({ query, customer }) => {
        const list = await savedAddresses(deps, customer);
        return {
          addresses: list
            .filter(
              (a) =>
                (a.external_customer_id ?? customer) === customer &&
                (query.type === undefined || a.type === query.type),
            )
            .flatMap((a) => savedAddressView(a) ?? []),
        };
      },
    }),
    handle(ops.createAddress, {
      handler: async ({ body, customer }) => {
        const created = await withOurFieldNames(
          deps.upstream.call({
            op: "addressCreate",
            body: {
              external_customer_id: customer,
              type: body.type,
              ...upstreamAddressFields(body),
            },
          }),
        );
        const view = savedAddressView(created);
        if (!view) throw new ApiError("upstream_invalid");
        return view;
      },
    }),
    handle(ops.deleteAddress, {
      handler: async ({ params, customer }) => {
        await assertOwnAddresses(deps, customer, [params.id]);
        await deps.upstream.call({
          op: "addressDelete",
          params: { id: params.id },
          query: { external_customer_id: customer },
        });
        return { deleted: true as const };
      },
    }),
  ];
}
