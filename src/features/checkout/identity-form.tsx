import { useLingui } from "@lingui/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useForm, useWatch, type FieldErrors, type Resolver } from "react-hook-form";
import { useNavigate } from "react-router";
import type { IdentityBody, IdentityResult } from "../../../contract/basket";
import { issueMessage } from "../../../contract/issue-messages";
import { Button } from "../../components/button-link";
import { fieldA11y, splitFieldErrors, useErrorsFollowLocale } from "../../components/form-field";
import { AlertIcon, LockIcon } from "../../components/icons";
import { showToast } from "../../components/toasts";
import { ApiProblem } from "../../lib/api";
import { basketKeys } from "../basket";
import { orderKeys } from "../orders";
import { bindGuestIdentity } from "./checkout-api";
import { checkoutKeys, checkoutQueryOptions } from "./checkout-queries";
import { stepPath } from "./checkout-routing";
import { rememberGuestIdentity } from "./guest-identity";
import { clearIdentityDraft, readIdentityDraft, writeIdentityDraft } from "./identity-draft";
import {
  AccountTypeChoice,
  CompanyFields,
  ContactFields,
  PersonFields,
  type FieldKit,
} from "./identity-fields";
import {
  EMPTY_IDENTITY,
  FIELD_ORDER,
  checkIdentity,
  isFieldName,
  type FieldName,
  type IdentityInput,
} from "./identity-input";

/** The contract's identity schema, worded in the shop's current language by the shared table. */
function useIdentityResolver(): Resolver<IdentityInput, unknown, IdentityBody> {
  const { i18n } = useLingui();
  return useCallback(
    (values) => {
      const lang = i18n.locale === "en" ? "en" : "tr";
      const checked = checkIdentity(values, (issue) => issueMessage(issue, lang));
      if (checked.ok) return { values: checked.body, errors: {} };
      const errors: FieldErrors<IdentityInput> = {};
      for (const [name, message] of Object.entries(checked.errors))
        if (isFieldName(name)) errors[name] = { type: "validate", message };
      return { values: {}, errors };
    },
    [i18n],
  );
}

/**
 * Binds the guest's identity: the basket answered is the upstream one now, and the checkout
 * state, the orders and the basket are the new customer's.
 */
function useBindGuestIdentity() {
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

/** The guest's identity: an individual or a company, then e-mail and phone. */
export function IdentityForm() {
  const { _ } = useLingui();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const bind = useBindGuestIdentity();
  const resolver = useIdentityResolver();
  const [defaultValues] = useState<IdentityInput>(() => ({
    ...EMPTY_IDENTITY,
    ...readIdentityDraft(),
  }));
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    setValue,
    subscribe,
    trigger,
    clearErrors,
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
  const accountType = useWatch({ control, name: "accountType" });
  const company = accountType === "company";
  const done = useRef(false);
  const errorId = useId();
  const kvkkId = useId();
  const formId = "checkout-identity";

  // What was typed outlives a reload (the TCKN does not: see identity-draft).
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
    const first = FIELD_ORDER[accountType].find(invalid);
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

  const kit: FieldKit = {
    register,
    control,
    id: (name) => `${formId}-${name}`,
    a11y: (name, hint = false) => fieldA11y(`${formId}-${name}`, errors[name] !== undefined, hint),
    errorOf: (name) => errors[name]?.message,
    setValue: (name, value) => setValue(name, value),
  };

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
      <AccountTypeChoice
        register={register}
        onChange={() => {
          // The other type's errors are not this one's.
          clearErrors();
          setFormError(null);
        }}
      />
      {company ? <CompanyFields kit={kit} /> : <PersonFields kit={kit} />}
      <ContactFields kit={kit} />

      <p
        id={kvkkId}
        className="flex items-start gap-2.5 rounded-control bg-surface-sunken p-3 text-sm text-text-muted sm:col-span-2"
      >
        <LockIcon className="mt-px size-5 shrink-0 text-text-muted" />
        <span>
          <strong className="font-semibold text-text">{_("checkout.identity.kvkkTitle")}</strong>{" "}
          {company ? _("checkout.identity.kvkkCompany") : _("checkout.identity.kvkk")}
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
