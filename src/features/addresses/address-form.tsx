import { useLingui } from "@lingui/react";
import { useId } from "react";
import { useWatch } from "react-hook-form";
import type { AddressForm, AddressFormInput, InvoiceType } from "../../../contract/addresses";
import { Button } from "../../components/button-link";
import { cn } from "../../components/class-names";
import {
  controlClass,
  digitsOnly,
  Field,
  fieldA11y,
  FormProblem,
  PhoneInput,
} from "../../components/form-field";
import { useShopForm } from "../../components/use-shop-form";
import type { ApiProblem } from "../../lib/api";
import { addressDraft } from "../../domain/addresses/address-draft";
import {
  EMPTY_ADDRESS,
  isFieldName,
  PROVINCE_NAMES,
  useAddressResolver,
  visibleFields,
  type FieldName,
} from "./address-form-rules";

export interface AddressFormProps {
  /** Names the draft kept in this tab's storage and prefixes element ids. */
  formId: string;
  /** Heading-less form; the caller puts it under its own heading. */
  submitLabel: string;
  /** The parsed form. Reject with an ApiProblem to show its field `errors` at the fields (values kept); other rejections show the problem's detail above the button. */
  onSubmit: (value: AddressForm) => Promise<void>;
  onCancel?: () => void;
  /** Initial invoice type (default "individual"). */
  defaultInvoiceType?: InvoiceType;
  /** Values to start with (a draft typed earlier wins over them). */
  initialValues?: Partial<AddressFormInput>;
  /** A TCKN the customer already gave (checkout's identity step): an individual invoice uses it
   * without asking again; it stays out of the form's values and so out of its stored draft. */
  knownTckn?: string;
}

/**
 * The address form: shipping or billing, individual (TCKN) or corporate (VKN) invoice. Checks
 * the contract's rules on submit, then as the customer corrects; keeps a draft of what was
 * typed in this tab's storage under `formId` until a successful submit.
 */
export function AddressForm({
  formId,
  submitLabel,
  onSubmit,
  onCancel,
  defaultInvoiceType = "individual",
  initialValues,
  knownTckn,
}: AddressFormProps): React.JSX.Element {
  const { _ } = useLingui();
  const {
    register,
    setValue,
    clearErrors,
    getValues,
    control,
    formState: { errors, isSubmitting },
    formError,
    setFormError,
    onSubmit: submitWith,
    showProblem,
    saved,
  } = useShopForm<AddressFormInput, AddressForm>({
    resolver: useAddressResolver(knownTckn),
    defaultValues: { ...EMPTY_ADDRESS, invoiceType: defaultInvoiceType, ...initialValues },
    draft: addressDraft(formId),
    fieldOrder: visibleFields,
    isField: isFieldName,
  });
  const errorId = useId();

  const corporate = useWatch({ control, name: "invoiceType" }) === "corporate";

  function problemText(problem: ApiProblem | null): string {
    if (problem?.code === "network") return _("addresses.form.error.network");
    if (problem?.detail) return problem.detail;
    return _("addresses.form.error.generic");
  }

  async function submitValid(value: AddressForm): Promise<void> {
    setFormError(null);
    try {
      await onSubmit(value);
      saved();
    } catch (error) {
      showProblem(error, problemText);
    }
  }

  const id = (name: FieldName) => `${formId}-${name}`;
  const a11y = (name: FieldName, hint = false) =>
    fieldA11y(id(name), errors[name] !== undefined, hint);
  const errorOf = (name: FieldName) => errors[name]?.message;

  const zipcode = register("zipcode");
  const taxNumber = register("taxNumber");

  return (
    <form
      noValidate
      onSubmit={submitWith(submitValid)}
      aria-describedby={formError ? errorId : undefined}
      className="grid gap-x-4 gap-y-5 sm:grid-cols-2"
    >
      <Field id={id("fullName")} label={_("addresses.form.fullName")} error={errorOf("fullName")}>
        <input
          {...register("fullName")}
          {...a11y("fullName")}
          type="text"
          autoComplete="name"
          autoCapitalize="words"
          enterKeyHint="next"
          className={controlClass}
        />
      </Field>

      <Field
        id={id("phone")}
        label={_("addresses.form.phone")}
        hint={_("addresses.form.phoneHint")}
        error={errorOf("phone")}
      >
        <PhoneInput
          registration={register("phone")}
          onMasked={(value) => setValue("phone", value)}
          {...a11y("phone", true)}
          enterKeyHint="next"
        />
      </Field>

      <Field id={id("city")} label={_("addresses.form.city")} error={errorOf("city")}>
        <div className="relative">
          <select
            {...register("city", { deps: ["zipcode"] })}
            {...a11y("city")}
            autoComplete="address-level1"
            className={cn(controlClass, "appearance-none pr-10")}
          >
            <option value="">{_("addresses.form.cityPlaceholder")}</option>
            {PROVINCE_NAMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <svg
            viewBox="0 0 24 24"
            aria-hidden="true"
            focusable="false"
            fill="none"
            stroke="currentColor"
            strokeWidth={2}
            strokeLinecap="round"
            strokeLinejoin="round"
            className="pointer-events-none absolute top-1/2 right-3 size-5 -translate-y-1/2 text-text-muted"
          >
            <path d="m6 9 6 6 6-6" />
          </svg>
        </div>
      </Field>

      <Field id={id("county")} label={_("addresses.form.county")} error={errorOf("county")}>
        <input
          {...register("county")}
          {...a11y("county")}
          type="text"
          autoComplete="address-level2"
          autoCapitalize="words"
          enterKeyHint="next"
          className={controlClass}
        />
      </Field>

      <Field id={id("district")} label={_("addresses.form.district")} error={errorOf("district")}>
        <input
          {...register("district")}
          {...a11y("district")}
          type="text"
          autoComplete="address-level3"
          autoCapitalize="words"
          enterKeyHint="next"
          className={controlClass}
        />
      </Field>

      <Field id={id("zipcode")} label={_("addresses.form.zipcode")} error={errorOf("zipcode")}>
        <input
          {...zipcode}
          {...a11y("zipcode")}
          type="text"
          inputMode="numeric"
          autoComplete="postal-code"
          enterKeyHint="next"
          maxLength={5}
          className={cn(controlClass, "price")}
          onChange={(event) => {
            digitsOnly(event.target);
            void zipcode.onChange(event);
          }}
        />
      </Field>

      <Field
        id={id("line")}
        label={_("addresses.form.line")}
        hint={_("addresses.form.lineHint")}
        error={errorOf("line")}
        className="sm:col-span-2"
      >
        <textarea
          {...register("line")}
          {...a11y("line", true)}
          rows={2}
          autoComplete="street-address"
          className={cn(controlClass, "resize-y")}
        />
      </Field>

      <fieldset className="sm:col-span-2">
        <legend className="mb-1.5 text-sm font-medium text-text">
          {_("addresses.form.invoiceType")}
        </legend>
        <div className="grid grid-cols-2 gap-2">
          {(["individual", "corporate"] as const).map((type) => (
            <label
              key={type}
              className="flex min-h-12 cursor-pointer items-center gap-3 rounded-control border border-border-strong bg-surface-raised px-3.5 text-base text-text transition-colors has-checked:border-primary has-checked:bg-primary-soft has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-primary"
            >
              <input
                {...register("invoiceType", {
                  deps: ["taxNumber"],
                  onChange: () => {
                    if (getValues("invoiceType") === "individual")
                      clearErrors(["companyName", "taxOffice"]);
                  },
                })}
                type="radio"
                value={type}
                className="size-5 accent-primary"
              />
              {type === "individual"
                ? _("addresses.form.individual")
                : _("addresses.form.corporate")}
            </label>
          ))}
        </div>
      </fieldset>

      {corporate ? (
        <>
          <Field
            id={id("companyName")}
            label={_("addresses.form.companyName")}
            error={errorOf("companyName")}
            className="sm:col-span-2"
          >
            <input
              {...register("companyName")}
              {...a11y("companyName")}
              type="text"
              autoComplete="organization"
              enterKeyHint="next"
              className={controlClass}
            />
          </Field>
          <Field
            id={id("taxOffice")}
            label={_("addresses.form.taxOffice")}
            error={errorOf("taxOffice")}
          >
            <input
              {...register("taxOffice")}
              {...a11y("taxOffice")}
              type="text"
              autoComplete="off"
              autoCapitalize="words"
              enterKeyHint="next"
              className={controlClass}
            />
          </Field>
        </>
      ) : null}

      {knownTckn && !corporate ? (
        <p className="text-sm text-text-muted sm:col-span-2">{_("addresses.form.tcknKnown")}</p>
      ) : (
        <Field
          id={id("taxNumber")}
          label={corporate ? _("addresses.form.vkn") : _("addresses.form.tckn")}
          hint={corporate ? _("addresses.form.vknHint") : _("addresses.form.tcknHint")}
          error={errorOf("taxNumber")}
        >
          <input
            {...taxNumber}
            {...a11y("taxNumber", true)}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            enterKeyHint="done"
            maxLength={corporate ? 10 : 11}
            className={cn(controlClass, "price")}
            onChange={(event) => {
              digitsOnly(event.target);
              void taxNumber.onChange(event);
            }}
          />
        </Field>
      )}

      <div className="flex flex-col gap-3 sm:col-span-2">
        <FormProblem id={errorId} message={formError} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          {onCancel ? (
            <Button variant="secondary" onClick={onCancel} disabled={isSubmitting}>
              {_("addresses.form.cancel")}
            </Button>
          ) : null}
          <Button type="submit" disabled={isSubmitting} className="sm:min-w-48">
            {isSubmitting ? _("addresses.form.saving") : submitLabel}
          </Button>
        </div>
      </div>
    </form>
  );
}
