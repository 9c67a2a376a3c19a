import { MINTED_OPERATIONS } from "../../minted/operations.ts";
import { handle, pathParam } from "../operations.ts";
import { z } from "zod";
import { isValidTckn, isValidVkn } from "../../contract/tr-identity.ts";
import {
  checkInvoice,
  companySchema,
  email,
  personCustomer,
  personSchema,
  phone,
  updateSchema,
} from "../domain/customer-input.ts";
import type { SandboxApp, SandboxContext, SandboxCtx } from "../context.ts";
import {
  customerId,
  fail,
  forbidden,
  invalid,
  langOf,
  notFound,
  ok,
  parseInput,
  readInput,
  t,
  validate,
} from "../http/http.ts";
import type { Address, Customer } from "../domain/state.ts";
import { addressJson, customerWithWallets } from "../wire/customer.ts";

const addressSchema = z
  .object({
    external_customer_id: customerId(),
    type: z.enum(["billing", "shipping"]),
    invoice_type: z.enum(["Individual", "Corporate"]),
    company_name: z.string().trim().min(2).max(150).optional(),
    tax_office: z.string().trim().min(2).max(60).optional(),
    tax_number: z
      .string()
      .trim()
      .regex(/^\d{10,11}$/),
    fullname: z.string().trim().min(3).max(80).optional(),
    phone: phone().optional(),
    email: email().optional(),
    city: z.string().trim().min(2).max(40),
    county: z.string().trim().min(2).max(60),
    district: z.string().trim().min(2).max(80).optional(),
    street: z.string().trim().max(120).optional(),
    zipcode: z
      .string()
      .trim()
      .regex(/^\d{5}$/)
      .optional(),
    address: z.string().trim().min(5).max(250),
  })
  .superRefine(checkInvoice);

export function registerCustomers(app: SandboxApp, ctx: SandboxContext): void {
  const taken = (c: SandboxCtx) =>
    invalid(
      c,
      "external_id",
      "Bu external_id zaten kullanılıyor.",
      "The external id has already been taken.",
    );

  handle(app, "addressCreate", async (c) => {
    const input = await parseInput(c, addressSchema);
    if (!input.ok) return input.response;
    const a = input.data;
    if (!ctx.state.customers.has(a.external_customer_id))
      return notFound(c, { tr: "Müşteri", en: "Customer" });
    const id = ctx.state.next("address", 1931);
    const address: Address = {
      id,
      customer: a.external_customer_id,
      type: a.type,
      invoice_type: a.invoice_type,
      company_name: a.company_name ?? null,
      tax_office: a.tax_office ?? null,
      tax_number: a.tax_number,
      fullname: a.fullname ?? null,
      phone: a.phone ?? null,
      email: a.email ?? null,
      city: a.city,
      county: a.county,
      district: a.district ?? null,
      street: a.street ?? null,
      zipcode: a.zipcode ?? null,
      address: a.address,
      createdAt: ctx.clock.now(),
    };
    ctx.state.addresses.set(id, address);
    return ok(c, addressJson(address));
  });

  handle(app, "addressList", async (c) => {
    const input = await parseInput(c, z.object({ external_customer_id: customerId() }));
    if (!input.ok) return input.response;
    const customer = input.data.external_customer_id;
    if (!ctx.state.customers.has(customer)) return notFound(c, { tr: "Müşteri", en: "Customer" });
    const list = [...ctx.state.addresses.values()]
      .filter((a) => a.customer === customer)
      .map(addressJson);
    return ok(c, list);
  });

  handle(app, "addressDelete", async (c) => {
    const input = await parseInput(c, z.object({ external_customer_id: customerId() }));
    if (!input.ok) return input.response;
    const id = Number(c.req.param("id"));
    const address = Number.isSafeInteger(id) ? ctx.state.addresses.get(id) : undefined;
    if (!address) return notFound(c, { tr: "Adres", en: "Address" });
    if (address.customer !== input.data.external_customer_id) return forbidden(c);
    ctx.state.addresses.delete(id);
    return ok(c, addressJson(address));
  });

  handle(app, "customerCreate", async (c) => {
    const raw = await readInput(c);
    // The documented body first (the operation table's input: a person or a company on
    // `account_type`), then what the sandbox checks beyond it.
    const documented = validate(c, MINTED_OPERATIONS.customerCreate.input, raw);
    if (!documented.ok) return documented.response;
    const isCompany = documented.data.account_type === "company";
    const parsed = validate(c, isCompany ? companySchema : personSchema, raw);
    if (!parsed.ok) return parsed.response;
    const d = parsed.data;
    if (ctx.state.customers.has(d.external_id)) return taken(c);
    const customer: Customer =
      d.account_type === "company"
        ? {
            external_id: d.external_id,
            firstname: d.firstname,
            middlename: null,
            lastname: null,
            email: d.email ?? null,
            phone: d.phone?.replace(/[ ()-]/g, "") ?? null,
            gender: null,
            identity_number: d.identity_number,
            birthdate: d.birthdate ?? null,
            tax_office: d.tax_office ?? null,
            account_type: "company",
            createdAt: ctx.clock.now(),
          }
        : personCustomer(d, ctx.clock.now());
    ctx.state.customers.set(customer.external_id, customer);
    return ok(c, customerWithWallets(ctx, customer, langOf(c)));
  });

  handle(app, "customerGet", (c) => {
    const customer = ctx.state.customers.get(pathParam(c, "external_customer_id"));
    if (!customer) return notFound(c, { tr: "Müşteri", en: "Customer" });
    return ok(c, customerWithWallets(ctx, customer, langOf(c)));
  });

  handle(app, "customerUpdate", async (c) => {
    const customer = ctx.state.customers.get(pathParam(c, "external_customer_id"));
    if (!customer) return notFound(c, { tr: "Müşteri", en: "Customer" });
    const input = await parseInput(c, updateSchema);
    if (!input.ok) return input.response;
    const d = input.data;
    const validId =
      customer.account_type === "company"
        ? isValidVkn(d.identity_number)
        : isValidTckn(d.identity_number);
    if (!validId)
      return invalid(
        c,
        "identity_number",
        "Geçersiz kimlik numarası.",
        "The identity number is invalid.",
      );
    Object.assign(customer, {
      firstname: d.firstname,
      middlename: d.middlename ?? customer.middlename,
      lastname: d.lastname ?? customer.lastname,
      email: d.email ?? customer.email,
      phone: d.phone.replace(/[ ()-]/g, ""),
      gender: d.gender ?? customer.gender,
      identity_number: d.identity_number,
      birthdate: d.birthdate ?? customer.birthdate,
      tax_office: d.tax_office ?? customer.tax_office,
    });
    return ok(c, customerWithWallets(ctx, customer, langOf(c)));
  });

  handle(app, "customerRemove", (c) => {
    const id = pathParam(c, "external_customer_id");
    const customer = ctx.state.customers.get(id);
    if (!customer) return notFound(c, { tr: "Müşteri", en: "Customer" });
    const open = ctx.state
      .customerBaskets(id)
      .some((b) => b.stage === "order" && b.paidAt !== null && b.statuses.at(-1)?.status_id !== 5);
    if (open)
      return fail(
        c,
        409,
        t(
          langOf(c),
          "Açık siparişi olan müşteri silinemez.",
          "A customer with open orders cannot be removed.",
        ),
      );
    ctx.state.customers.delete(id);
    return ok(c, { external_id: id, removed: true });
  });
}
