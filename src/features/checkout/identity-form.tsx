import { useLingui } from "@lingui/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useId } from "react";
import { useWatch, type FieldErrors, type Resolver } from "react-hook-form";
import { useNavigate } from "react-router";
import type { IdentityBody, IdentityResult } from "../../../contract/basket";
import { issueMessage } from "../../../contract/issue-messages";
import { Button } from "../../components/button-link";
import { CheckoutFooter } from "./checkout-footer";
import { fieldA11y, FormProblem } from "../../components/form-field";
import { LockIcon } from "../../components/icons";
import { showToast } from "../../components/toasts";
import { useShopForm } from "../../components/use-shop-form";
import { ApiProblem } from "../../lib/api";
import { queryRoots } from "../../lib/query-keys";
import { basketKeys } from "../basket";
import { bindGuestIdentity } from "./checkout-api";
import { checkoutQueryOptions } from "./checkout-queries";
import { stepPath } from "./checkout-routing";
import { rememberGuestIdentity } from "./guest-identity";
import { identityDraft } from "./identity-draft";
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
    // The basket answered is the new customer's; their orders and checkout state are read anew.
    meta: { invalidates: [queryRoots.orders, queryRoots.checkout] },
    onSuccess: (result: IdentityResult) => {
      queryClient.setQueryData(basketKeys.current(), result.basket);
    },
  });
}

/** The guest's identity: an individual or a company, then e-mail and phone. */
export function IdentityForm({ total }: { total: number | null }) {
  const { _ } = useLingui();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const bind = useBindGuestIdentity();
  const {
    register,
    setValue,
    clearErrors,
    control,
    formState: { errors, isSubmitting },
    formError,
    setFormError,
    onSubmit,
    showProblem,
    saved,
  } = useShopForm<IdentityInput, IdentityBody>({
    resolver: useIdentityResolver(),
    defaultValues: EMPTY_IDENTITY,
    // What was typed outlives a reload (the TCKN does not: see identity-draft).
    draft: identityDraft(),
    fieldOrder: (values) => FIELD_ORDER[values.accountType],
    isField: isFieldName,
  });
  const accountType = useWatch({ control, name: "accountType" });
  const company = accountType === "company";
  const errorId = useId();
  const kvkkId = useId();
  const formId = "checkout-identity";

  function finish(): void {
    saved();
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
      if (error instanceof ApiProblem && error.code === "conflict" && (await continueBound()))
        return;
      showProblem(error, (problem) =>
        problem?.code === "network"
          ? _("checkout.identity.error.network")
          : (problem?.detail ?? _("checkout.identity.error.generic")),
      );
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
    <>
      <form
        id={formId}
        // Without script a form would GET its values into the URL; the TCKN must never go there.
        method="post"
        noValidate
        onSubmit={onSubmit(submitValid)}
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

        {formError ? (
          <div className="sm:col-span-2">
            <FormProblem id={errorId} message={formError} />
          </div>
        ) : null}
      </form>
      {/* No price fix before there is a customer: the basket's total, without a countdown. */}
      <CheckoutFooter label={_("checkout.footer.basketTotal")} total={total}>
        <Button
          type="submit"
          form={formId}
          disabled={isSubmitting}
          aria-busy={isSubmitting}
          className="w-full"
        >
          {isSubmitting ? _("checkout.identity.saving") : _("checkout.identity.submit")}
        </Button>
      </CheckoutFooter>
    </>
  );
}
