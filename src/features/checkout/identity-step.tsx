import { zodResolver } from "@hookform/resolvers/zod";
import { useLingui } from "@lingui/react";
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { redirect, useNavigate } from "react-router";
import {
  identityBodySchema,
  type IdentityBody,
  type IdentityResult,
} from "../../../contract/basket";
import { issueMessage } from "../../../contract/issue-messages";
import { Button } from "../../components/button-link";
import { cn } from "../../components/class-names";
import {
  controlClass,
  digitsOnly,
  Field,
  fieldA11y,
  PhoneInput,
  splitFieldErrors,
  useErrorsFollowLocale,
} from "../../components/form-field";
import { AlertIcon, LockIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";
import { showToast } from "../../components/toasts";
import { ApiProblem } from "../../lib/api";
import { basketKeys, basketQueryOptions } from "../basket/basket-queries";
import { orderKeys } from "../orders/order-queries";
import { bindGuestIdentity } from "./checkout-api";
import { EmptyCheckout } from "./checkout-layout";
import { checkoutKeys, checkoutQueryOptions } from "./checkout-queries";
import { stepPath } from "./checkout-routing";
import { rememberGuestIdentity } from "./guest-identity";
import { clearIdentityDraft, readIdentityDraft, writeIdentityDraft } from "./identity-draft";

type IdentityInput = {
  firstname: string;
  lastname: string;
  identityNumber: string;
  email: string;
  phone: string;
};

/** The fields in the order they are shown: the first one with an error gets the focus. */
const FIELD_ORDER = ["firstname", "lastname", "identityNumber", "email", "phone"] as const;
type FieldName = (typeof FIELD_ORDER)[number];

function isFieldName(key: string): key is FieldName {
  return FIELD_ORDER.some((name) => name === key);
}

const EMPTY: IdentityInput = {
  firstname: "",
  lastname: "",
  identityNumber: "",
  email: "",
  phone: "",
};

/** Every digit but the last two hidden, as receipts and invoices show it: `•••••••••46`. */
export function maskTckn(value: string): string {
  const digits = value.replace(/\s+/g, "");
  if (digits.length <= 2) return "•".repeat(digits.length);
  return `${"•".repeat(digits.length - 2)}${digits.slice(-2)}`;
}

/**
 * `/checkout/identity`: a guest (a standalone session without a customer) is sent here first.
 * A customer already bound goes straight on to the address step.
 */
export function createIdentityLoader(queryClient: QueryClient) {
  return async (): Promise<Response | null> => {
    const [state] = await Promise.all([
      queryClient.query(checkoutQueryOptions()).catch(() => undefined),
      queryClient.query({ ...basketQueryOptions(), staleTime: "static" }).catch(() => undefined),
    ]);
    return state ? redirect(stepPath("address")) : null;
  };
}

/** The contract's identity schema, worded in the shop's current language by the shared table. */
function useIdentityResolver(): Resolver<IdentityInput, unknown, IdentityBody> {
  const { i18n } = useLingui();
  return useMemo(
    () =>
      zodResolver(identityBodySchema, {
        error: (issue) => issueMessage(issue, i18n.locale === "en" ? "en" : "tr"),
      }),
    [i18n],
  );
}

/**
 * Binds the guest's identity: the basket answered is the upstream one now, and the checkout
 * state, the orders and the basket are the new customer's.
 */
export function useBindGuestIdentity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bindGuestIdentity,
    onSuccess: async (result: IdentityResult) => {
      queryClient.setQueryData(basketKeys.current(), result.basket);
      await queryClient.invalidateQueries({ queryKey: orderKeys.all });
      await queryClient.invalidateQueries({ queryKey: checkoutKeys.all });
    },
  });
}

function IdentityForm() {
  const { _ } = useLingui();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const bind = useBindGuestIdentity();
  const resolver = useIdentityResolver();
  const [defaultValues] = useState<IdentityInput>(() => ({ ...EMPTY, ...readIdentityDraft() }));
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    setValue,
    subscribe,
    trigger,
    control,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<IdentityInput, unknown, IdentityBody>({
    resolver,
    defaultValues,
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [tcknFocused, setTcknFocused] = useState(false);
  const tckn = useWatch({ control, name: "identityNumber" });
  const done = useRef(false);
  const errorId = useId();
  const kvkkId = useId();
  const formId = "checkout-identity";
  const id = (name: FieldName) => `${formId}-${name}`;

  // Name, e-mail and phone outlive a reload (the identity number does not: see identity-draft).
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values }) => {
          if (!done.current) writeIdentityDraft(values);
        },
      }),
    [subscribe],
  );

  useErrorsFollowLocale(isSubmitted, trigger);

  function focusFirst(invalid: (name: FieldName) => boolean): void {
    const first = FIELD_ORDER.find(invalid);
    if (first) setFocus(first);
  }

  function finish(): void {
    done.current = true;
    clearIdentityDraft();
    void navigate(stepPath("address"));
  }

  /** The session is a customer's already (another tab finished first): carry on as that one. */
  async function continueBound(): Promise<boolean> {
    try {
      await queryClient.query({ ...checkoutQueryOptions(), staleTime: 0 });
    } catch {
      return false;
    }
    showToast("info", _("checkout.identity.conflict"));
    finish();
    return true;
  }

  async function submitValid(value: IdentityBody): Promise<void> {
    setFormError(null);
    try {
      const result = await bind.mutateAsync(value);
      rememberGuestIdentity(value);
      if (result.skipped.length > 0)
        showToast("info", _("checkout.identity.skipped", { count: result.skipped.length }));
      finish();
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : null;
      if (problem?.code === "conflict" && (await continueBound())) return;
      const { atFields, elsewhere } = splitFieldErrors(problem, isFieldName);
      for (const [key, message] of atFields) setError(key, { type: "server", message });
      if (elsewhere.length > 0) setFormError(elsewhere.join(" "));
      else if (atFields.length === 0) {
        if (problem?.code === "network") setFormError(_("checkout.identity.error.network"));
        else setFormError(problem?.detail ?? _("checkout.identity.error.generic"));
      }
      focusFirst((name) => atFields.some(([key]) => key === name));
    }
  }

  const a11y = (name: FieldName, hint = false) =>
    fieldA11y(id(name), errors[name] !== undefined, hint);
  const errorOf = (name: FieldName) => errors[name]?.message;

  const identityNumber = register("identityNumber");
  const masked = !tcknFocused && tckn.length > 0;

  return (
    <form
      // Without script a form would GET its values into the URL; the TCKN must never go there.
      method="post"
      noValidate
      onSubmit={(event) =>
        void handleSubmit(submitValid, (invalid) => {
          setFormError(null);
          focusFirst((name) => invalid[name] !== undefined);
        })(event)
      }
      aria-describedby={[kvkkId, formError ? errorId : ""].filter(Boolean).join(" ")}
      className="grid gap-x-4 gap-y-5 rounded-card border border-border bg-surface-raised p-4 shadow-card sm:grid-cols-2 md:p-6"
    >
      <Field
        id={id("firstname")}
        label={_("checkout.identity.firstname")}
        error={errorOf("firstname")}
      >
        <input
          {...register("firstname")}
          {...a11y("firstname")}
          type="text"
          autoComplete="given-name"
          autoCapitalize="words"
          enterKeyHint="next"
          className={controlClass}
        />
      </Field>
      <Field
        id={id("lastname")}
        label={_("checkout.identity.lastname")}
        error={errorOf("lastname")}
      >
        <input
          {...register("lastname")}
          {...a11y("lastname")}
          type="text"
          autoComplete="family-name"
          autoCapitalize="words"
          enterKeyHint="next"
          className={controlClass}
        />
      </Field>

      <Field
        id={id("identityNumber")}
        label={_("addresses.form.tckn")}
        hint={_("checkout.identity.tcknHint")}
        error={errorOf("identityNumber")}
        className="sm:col-span-2"
      >
        <div className="relative sm:max-w-[calc(50%-0.5rem)]">
          <input
            {...identityNumber}
            {...a11y("identityNumber", true)}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="next"
            maxLength={11}
            className={cn(controlClass, "price", masked && "text-transparent")}
            onFocus={() => setTcknFocused(true)}
            onChange={(event) => {
              digitsOnly(event.target);
              void identityNumber.onChange(event);
            }}
            onBlur={(event) => {
              setTcknFocused(false);
              void identityNumber.onBlur(event);
            }}
          />
          {masked ? (
            // What the eye sees once typed; the control keeps the digits for the form.
            <span
              aria-hidden="true"
              data-testid="tckn-mask"
              className="pointer-events-none absolute inset-y-0 left-0 flex items-center px-3.5 price text-base tracking-wider text-text"
            >
              {maskTckn(tckn)}
            </span>
          ) : null}
        </div>
      </Field>

      <Field id={id("email")} label={_("checkout.identity.email")} error={errorOf("email")}>
        <input
          {...register("email")}
          {...a11y("email")}
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          enterKeyHint="next"
          className={controlClass}
        />
      </Field>
      <Field
        id={id("phone")}
        label={_("addresses.form.phone")}
        hint={_("checkout.identity.phoneHint")}
        error={errorOf("phone")}
      >
        <PhoneInput
          registration={register("phone")}
          onMasked={(value) => setValue("phone", value)}
          {...a11y("phone", true)}
          enterKeyHint="done"
        />
      </Field>

      <p
        id={kvkkId}
        className="flex items-start gap-2.5 rounded-control bg-surface-sunken p-3 text-sm text-text-muted sm:col-span-2"
      >
        <LockIcon className="mt-px size-5 shrink-0 text-text-muted" />
        <span>
          <strong className="font-semibold text-text">{_("checkout.identity.kvkkTitle")}</strong>{" "}
          {_("checkout.identity.kvkk")}
        </span>
      </p>

      <div className="flex flex-col gap-3 sm:col-span-2">
        {formError ? (
          <p
            id={errorId}
            role="alert"
            className="flex items-start gap-2 rounded-control border border-danger/40 bg-surface-sunken p-3 text-sm text-text"
          >
            <AlertIcon className="mt-px size-5 shrink-0 text-danger" />
            <span>{formError}</span>
          </p>
        ) : null}
        <Button
          type="submit"
          disabled={isSubmitting}
          aria-busy={isSubmitting}
          className="w-full sm:ml-auto sm:w-auto sm:min-w-64"
        >
          {isSubmitting ? _("checkout.identity.saving") : _("checkout.identity.submit")}
        </Button>
      </div>
    </form>
  );
}

function IdentitySkeleton() {
  const { _ } = useLingui();
  return (
    <div role="status" aria-label={_("checkout.loading")} className="space-y-4">
      <Skeleton className="h-8 w-56" />
      <Skeleton className="h-96 w-full rounded-card" />
    </div>
  );
}

/** The guest's first checkout step: who is buying (the order and invoice need it). */
export function IdentityStep() {
  const { _ } = useLingui();
  // The layout sends a customer on to the address step; this step only reads the basket.
  const basket = useQuery(basketQueryOptions());
  const heading = useRef<HTMLDivElement>(null);
  const ready = Boolean(basket.data && basket.data.items.length > 0) || basket.isError;

  // The step opens with its heading focused, also when it is the first page loaded.
  useEffect(() => {
    if (ready) heading.current?.querySelector("h1")?.focus({ preventScroll: true });
  }, [ready]);

  if (basket.data && basket.data.items.length === 0) return <EmptyCheckout />;
  if (!ready) return <IdentitySkeleton />;
  return (
    <div className="mx-auto max-w-2xl">
      <div ref={heading}>
        <PageHeader
          title={_("checkout.identity.title")}
          description={_("checkout.identity.description")}
        />
      </div>
      <IdentityForm />
    </div>
  );
}
