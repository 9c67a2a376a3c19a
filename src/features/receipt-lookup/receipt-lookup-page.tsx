import { zodResolver } from "@hookform/resolvers/zod";
import { useLingui } from "@lingui/react";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { useWatch } from "react-hook-form";
import { useSearchParams } from "react-router";
import { orderCodeSchema, receiptLookupSchema, type ReceiptLookup } from "../../../contract/orders";
import { Button } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { AlertIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { useShopForm } from "../../components/use-shop-form";
import { ApiProblem } from "../../lib/api";
import { lookupReceipt } from "./receipt-lookup-api";
import { LookupResult } from "./lookup-result";

const fieldClass =
  "mt-1.5 block min-h-12 w-full rounded-control border bg-surface-raised px-3.5 text-base text-text placeholder:text-text-muted focus:border-primary focus:outline-2 focus:outline-offset-0 focus:outline-primary";

type Field = keyof ReceiptLookup;

/** The fields in the order shown. */
const LOOKUP_FIELDS = ["orderCode", "email"] as const;

/** What went wrong with the lookup, in the customer's words. */
function useFailureMessage(error: unknown): string | null {
  const { _ } = useLingui();
  if (!error) return null;
  if (!(error instanceof ApiProblem)) return _("lookup.error.generic");
  switch (error.code) {
    // A wrong code and a wrong e-mail get the same answer (the proxy makes sure of it too).
    case "not_found":
      return _("lookup.error.notFound");
    case "rate_limited": {
      const seconds = error.body.retryAfter;
      return typeof seconds === "number" && seconds > 0
        ? _("lookup.error.rateLimited", { minutes: Math.ceil(seconds / 60) })
        : _("lookup.error.rateLimitedSoon");
    }
    case "network":
      return _("lookup.error.offline");
    case "validation_failed":
      return _("lookup.error.invalid");
    default:
      return _("lookup.error.generic");
  }
}

export function ReceiptLookupPage() {
  const { _ } = useLingui();
  const [searchParams] = useSearchParams();
  const codeId = useId();
  const emailId = useId();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // A link may carry the order code (never the e-mail: no personal data in URLs).
  const codeParam = orderCodeSchema.safeParse(searchParams.get("code"));

  const {
    register,
    onSubmit,
    showFieldErrors,
    control,
    formState: { errors },
  } = useShopForm<ReceiptLookup, ReceiptLookup>({
    resolver: zodResolver(receiptLookupSchema),
    defaultValues: { orderCode: codeParam.success ? codeParam.data : "", email: "" },
    fieldOrder: () => LOOKUP_FIELDS,
  });

  const lookup = useMutation({
    mutationFn: lookupReceipt,
    onError: (error) => {
      if (error instanceof ApiProblem && error.code === "validation_failed") showFieldErrors(error);
    },
  });
  const failure = useFailureMessage(lookup.error);
  const receipt = lookup.data;

  useEffect(() => {
    if (!receipt) return;
    resultHeading.current?.focus({ preventScroll: true });
    resultHeading.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  }, [receipt]);

  // Watched, so that a message follows the value (an empty field and a malformed one fail the
  // same check but read differently).
  const values = useWatch({ control });
  const fieldError = (field: Field): string | null => {
    const error = errors[field];
    if (!error) return null;
    if (error.type === "server" && error.message) return error.message;
    if ((values[field] ?? "").trim() === "")
      return field === "orderCode" ? _("lookup.code.required") : _("lookup.email.required");
    return field === "orderCode" ? _("lookup.code.invalid") : _("lookup.email.invalid");
  };

  const trim = (value: unknown) => (typeof value === "string" ? value.trim() : value);
  const code = register("orderCode", { setValueAs: trim });
  const email = register("email", { setValueAs: trim });

  return (
    <>
      <PageHeader title={_("receiptLookup.title")} description={_("receiptLookup.description")} />
      <div className="grid gap-6 md:grid-cols-[minmax(0,26rem)_1fr] md:items-start">
        <form
          noValidate
          onSubmit={onSubmit((values) => {
            lookup.mutate(values);
          })}
          className="space-y-5 rounded-card border border-border bg-surface-raised p-5 shadow-card md:p-6"
        >
          <Field
            id={codeId}
            label={_("receiptLookup.code")}
            hint={_("lookup.code.hint")}
            error={fieldError("orderCode")}
          >
            <input
              id={codeId}
              {...code}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              placeholder="MC_…"
              aria-invalid={errors.orderCode ? true : undefined}
              aria-describedby={`${codeId}-hint${errors.orderCode ? ` ${codeId}-error` : ""}`}
              className={cn(
                fieldClass,
                errors.orderCode ? "border-danger" : "border-border-strong",
              )}
            />
          </Field>
          <Field id={emailId} label={_("receiptLookup.email")} error={fieldError("email")}>
            <input
              id={emailId}
              {...email}
              type="email"
              autoComplete="email"
              inputMode="email"
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={errors.email ? `${emailId}-error` : undefined}
              className={cn(fieldClass, errors.email ? "border-danger" : "border-border-strong")}
            />
          </Field>
          {failure ? (
            <p
              role="alert"
              className="flex items-start gap-2 rounded-control border border-danger/40 bg-danger/10 px-3 py-2.5 text-sm text-danger"
            >
              <AlertIcon className="mt-0.5 size-4 shrink-0" />
              {failure}
            </p>
          ) : null}
          <Button type="submit" className="w-full disabled:opacity-60" disabled={lookup.isPending}>
            {lookup.isPending ? _("lookup.searching") : _("receiptLookup.submit")}
          </Button>
        </form>
        {receipt ? <LookupResult receipt={receipt} headingRef={resultHeading} /> : null}
      </div>
    </>
  );
}

function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error: string | null;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium text-text">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1.5 text-sm text-text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
