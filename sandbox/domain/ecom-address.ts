import type { Context } from "hono";
import { z } from "zod";
import { isValidTckn, isValidVkn } from "../../contract/tr-identity.ts";
import type { SandboxContext } from "../context.ts";
import { cartToken, customerId, forbidden, int, notFound } from "../http/http.ts";
import { pass, stop, type Outcome } from "../http/outcome.ts";
import { checkInvoice, email, phone } from "./customer-input.ts";
import { fullName, type Address, type AddressSnapshot, type Customer } from "./state.ts";
import { snapshotAddress } from "./wallet-basket.ts";

/** Set Custom Address / Set Existing Address (`PATCH /partner/ecom/basket/setaddress`, §6.8). */

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const zipcode = () =>
  z
    .string()
    .trim()
    .regex(/^\d{1,5}$/);
const phoneNumber = () => phone().transform((p) => p.replace(/[ ()-]/g, ""));
export const cardBin = () => z.string().regex(/^\d{6}$/);

/** Where an address is: the same fields on shipping and billing addresses. */
const placeShape = {
  city: text(2, 40),
  county: text(2, 60),
  district: text(2, 80),
  address: text(5, 250),
  zipcode: zipcode().optional(),
  street: text(1, 120).optional(),
};

const shippingSchema = z.object({
  id: int().optional(),
  external_id: text(1, 110).optional(),
  tax_number: z
    .string()
    .trim()
    .refine((v) => isValidTckn(v) || isValidVkn(v), {
      params: {
        tr: "Geçersiz T.C. kimlik ya da vergi kimlik numarası.",
        en: "The tax number is not a valid TCKN or VKN.",
      },
    }),
  fullname: text(3, 80),
  phone: phoneNumber(),
  ...placeShape,
});

const billingSchema = z
  .object({
    external_id: text(1, 110).optional(),
    invoice_type: z.enum(["Individual", "Corporate"]).default("Individual"),
    fullname: text(3, 80).optional(),
    company_name: text(2, 150).optional(),
    phone: phoneNumber(),
    email: email().optional(),
    ...placeShape,
    tax_office: text(2, 60).optional(),
    tax_number: z.string().trim(),
  })
  .superRefine(checkInvoice);

const customSchema = z.object({
  external_customer_id: customerId(),
  cart_token: cartToken(),
  shipping: shippingSchema,
  billing: billingSchema,
  card_bin: cardBin().optional(),
});

const savedSchema = z.object({
  external_customer_id: customerId(),
  cart_token: cartToken(),
  shipping_address_id: int(),
  billing_address_id: int(),
  card_bin: cardBin().optional(),
});

type SetAddressInput = z.output<typeof customSchema> | z.output<typeof savedSchema>;

/** The body names saved address ids (Set Existing Address) or carries the addresses (Set Custom Address). */
export function setAddressSchema(raw: Record<string, unknown>): z.ZodType<SetAddressInput> {
  return "shipping_address_id" in raw || "billing_address_id" in raw ? savedSchema : customSchema;
}

/** A saved address of the customer: 404 when unknown, 403 when another customer's. */
function savedAddressOf(
  c: Context,
  ctx: SandboxContext,
  customer: string,
  id: number,
): Outcome<Address> {
  const address = ctx.state.addresses.get(id);
  if (!address) return stop(notFound(c, { tr: "Adres", en: "Address" }));
  if (address.customer !== customer) return stop(forbidden(c));
  return pass(address);
}

/** A saved address on a basket; the customer fills what the address leaves out. */
export function snapshotOf(a: Address, customer: Customer): AddressSnapshot {
  return {
    ...snapshotAddress(a),
    external_id: null,
    fullname: a.fullname ?? a.company_name ?? fullName(customer),
    phone: a.phone ?? customer.phone ?? "",
    email: a.email ?? customer.email,
  };
}

type Custom = z.output<typeof customSchema>;

function customSnapshots(d: Custom): { shipping: AddressSnapshot; billing: AddressSnapshot } {
  const s = d.shipping;
  const b = d.billing;
  const place = (a: Custom["shipping"] | Custom["billing"]) => ({
    city: a.city,
    county: a.county,
    district: a.district,
    street: a.street ?? null,
    zipcode: a.zipcode ?? null,
    address: a.address,
  });
  return {
    shipping: {
      id: s.id ?? null,
      external_id: s.external_id ?? null,
      invoice_type: "Individual",
      company_name: null,
      tax_office: null,
      tax_number: s.tax_number,
      fullname: s.fullname,
      phone: s.phone,
      email: null,
      ...place(s),
    },
    billing: {
      id: null,
      external_id: b.external_id ?? null,
      invoice_type: b.invoice_type,
      company_name: b.company_name ?? null,
      tax_office: b.tax_office ?? null,
      tax_number: b.tax_number,
      fullname: b.fullname ?? b.company_name ?? s.fullname,
      phone: b.phone,
      email: b.email ?? null,
      ...place(b),
    },
  };
}

/** The two address snapshots the request puts on the basket (ownership of saved ids checked). */
export function addressSnapshots(
  c: Context,
  ctx: SandboxContext,
  customer: Customer,
  d: SetAddressInput,
): Outcome<{ shipping: AddressSnapshot; billing: AddressSnapshot }> {
  const owner = customer.external_id;
  if (!("shipping_address_id" in d)) {
    const ref = d.shipping.id === undefined ? null : savedAddressOf(c, ctx, owner, d.shipping.id);
    return ref && !ref.ok ? ref : pass(customSnapshots(d));
  }
  const shipping = savedAddressOf(c, ctx, owner, d.shipping_address_id);
  if (!shipping.ok) return shipping;
  const billing = savedAddressOf(c, ctx, owner, d.billing_address_id);
  if (!billing.ok) return billing;
  return pass({
    shipping: snapshotOf(shipping.value, customer),
    billing: snapshotOf(billing.value, customer),
  });
}
