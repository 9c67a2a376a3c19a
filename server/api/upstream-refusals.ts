import type { FieldErrors } from "../problem.ts";
import { ApiError } from "../problem.ts";
import { UpstreamError } from "../upstream/types.ts";

/** Minted's field names that are not a plain snake_case → camelCase away from ours. */
const FIELD_NAMES: Record<string, string> = {
  qty: "quantity",
  fullname: "fullName",
  address: "line",
  identity_number: "identityNumber",
  shipping_address_id: "shippingAddressId",
  billing_address_id: "billingAddressId",
  installment: "installments",
  payment_type: "paymentType",
};

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());

/** `shipping.tax_number` → `shipping.taxNumber`; `overrides` map whole upstream paths first. */
export function ourFieldName(upstream: string, overrides: Record<string, string> = {}): string {
  const whole = overrides[upstream];
  if (whole !== undefined) return whole;
  return upstream
    .split(".")
    .map((part) => FIELD_NAMES[part] ?? camel(part))
    .join(".");
}

export function renameFieldErrors(
  errors: FieldErrors,
  overrides: Record<string, string> = {},
): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, messages] of Object.entries(errors))
    (out[ourFieldName(field, overrides)] ??= []).push(...messages);
  return out;
}

/** Whether `error` is Minted refusing with a 422 that names `field` (or a field under it). */
export function refusedField(error: unknown, field: string): boolean {
  return (
    error instanceof UpstreamError &&
    error.failure === "rejected" &&
    error.details.status === 422 &&
    Object.keys(error.details.errors ?? {}).some((f) => f === field || f.startsWith(`${field}.`))
  );
}

/** An upstream 422 with field errors as our 422 under the form's field names; else `error`. */
export function withOurNames(error: unknown, overrides: Record<string, string> = {}): unknown {
  if (
    error instanceof UpstreamError &&
    error.failure === "rejected" &&
    error.details.status === 422 &&
    error.details.errors
  )
    return new ApiError("validation_failed", {
      errors: renameFieldErrors(error.details.errors, overrides),
      cause: error,
    });
  return error;
}

/**
 * Await an upstream call whose 422 field errors the shop's form should show under its own
 * field names. Anything else is rethrown for the app's error handler.
 */
export async function withOurFieldNames<T>(
  call: Promise<T>,
  overrides: Record<string, string> = {},
): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw withOurNames(error, overrides);
  }
}
