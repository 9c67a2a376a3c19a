import { useLingui } from "@lingui/react";
import { useState } from "react";
import { useWatch, type Control, type UseFormRegister } from "react-hook-form";
import type { AccountType, IdentityBody } from "../../../contract/basket";
import { cn } from "../../components/class-names";
import type { fieldA11y } from "../../components/form-field";
import { controlClass, digitsOnly, Field, PhoneInput } from "../../components/form-field";
import type { FieldName, IdentityInput } from "./identity-input";

/** The identity form's fields, by account type. */

/** What every field needs from the form. */
export interface FieldKit {
  register: UseFormRegister<IdentityInput>;
  control: Control<IdentityInput, unknown, IdentityBody>;
  id: (name: FieldName) => string;
  a11y: (name: FieldName, hint?: boolean) => ReturnType<typeof fieldA11y>;
  errorOf: (name: FieldName) => string | undefined;
  setValue: (name: FieldName, value: string) => void;
}

/** Every digit but the last two hidden, as receipts and invoices show it: `•••••••••46`. */
export function maskTckn(value: string): string {
  const digits = value.replace(/\s+/g, "");
  if (digits.length <= 2) return "•".repeat(digits.length);
  return `${"•".repeat(digits.length - 2)}${digits.slice(-2)}`;
}

const choiceCard =
  "flex min-h-12 cursor-pointer items-start gap-3 rounded-control border border-border-strong bg-surface-raised px-3.5 py-3 text-text transition-colors has-checked:border-primary has-checked:ring-1 has-checked:ring-primary has-checked:bg-primary-soft has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-primary";

/** Individual or Corporate: who the order and the invoice are made out to. */
export function AccountTypeChoice({
  register,
  onChange,
}: {
  register: UseFormRegister<IdentityInput>;
  onChange: () => void;
}) {
  const { _ } = useLingui();
  const options: { type: AccountType; label: string; hint: string }[] = [
    {
      type: "person",
      label: _("checkout.identity.person"),
      hint: _("checkout.identity.personHint"),
    },
    {
      type: "company",
      label: _("checkout.identity.company"),
      hint: _("checkout.identity.companyHint"),
    },
  ];
  return (
    <fieldset className="sm:col-span-2">
      <legend className="mb-1.5 text-sm font-medium text-text">
        {_("checkout.identity.accountType")}
      </legend>
      <div className="grid grid-cols-2 gap-2">
        {options.map((option) => (
          <label key={option.type} className={choiceCard}>
            <input
              {...register("accountType", { onChange })}
              type="radio"
              value={option.type}
              className="mt-0.5 size-5 shrink-0 accent-primary"
            />
            <span className="min-w-0">
              <span className="block font-medium">{option.label}</span>
              <span className="block text-sm text-text-muted">{option.hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The TCKN, masked but for its last two digits once the field is left. */
function TcknInput({ kit }: { kit: FieldKit }) {
  const { _ } = useLingui();
  const [focused, setFocused] = useState(false);
  const tckn = useWatch({ control: kit.control, name: "identityNumber" });
  const field = kit.register("identityNumber");
  const masked = !focused && tckn.length > 0;
  return (
    <Field
      id={kit.id("identityNumber")}
      label={_("addresses.form.tckn")}
      hint={_("checkout.identity.tcknHint")}
      error={kit.errorOf("identityNumber")}
      className="sm:col-span-2"
    >
      <div className="relative sm:max-w-[calc(50%-0.5rem)]">
        <input
          {...field}
          {...kit.a11y("identityNumber", true)}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="next"
          maxLength={11}
          className={cn(controlClass, "price", masked && "text-transparent")}
          onFocus={() => setFocused(true)}
          onChange={(event) => {
            digitsOnly(event.target);
            void field.onChange(event);
          }}
          onBlur={(event) => {
            setFocused(false);
            void field.onBlur(event);
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
  );
}

/** An individual: first and last name, TCKN. */
export function PersonFields({ kit }: { kit: FieldKit }) {
  const { _ } = useLingui();
  return (
    <>
      <Field
        id={kit.id("firstname")}
        label={_("checkout.identity.firstname")}
        error={kit.errorOf("firstname")}
      >
        <input
          {...kit.register("firstname")}
          {...kit.a11y("firstname")}
          type="text"
          autoComplete="given-name"
          autoCapitalize="words"
          enterKeyHint="next"
          className={controlClass}
        />
      </Field>
      <Field
        id={kit.id("lastname")}
        label={_("checkout.identity.lastname")}
        error={kit.errorOf("lastname")}
      >
        <input
          {...kit.register("lastname")}
          {...kit.a11y("lastname")}
          type="text"
          autoComplete="family-name"
          autoCapitalize="words"
          enterKeyHint="next"
          className={controlClass}
        />
      </Field>
      <TcknInput kit={kit} />
    </>
  );
}

/** A company, as Create Business Customer takes it: name, VKN, tax office. */
export function CompanyFields({ kit }: { kit: FieldKit }) {
  const { _ } = useLingui();
  const taxNumber = kit.register("taxNumber");
  return (
    <>
      <Field
        id={kit.id("companyName")}
        label={_("addresses.form.companyName")}
        hint={_("checkout.identity.companyNameHint")}
        error={kit.errorOf("companyName")}
        className="sm:col-span-2"
      >
        <input
          {...kit.register("companyName")}
          {...kit.a11y("companyName", true)}
          type="text"
          autoComplete="organization"
          enterKeyHint="next"
          className={controlClass}
        />
      </Field>
      <Field
        id={kit.id("taxNumber")}
        label={_("addresses.form.vkn")}
        hint={_("addresses.form.vknHint")}
        error={kit.errorOf("taxNumber")}
      >
        <input
          {...taxNumber}
          {...kit.a11y("taxNumber", true)}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="next"
          maxLength={10}
          className={cn(controlClass, "price")}
          onChange={(event) => {
            digitsOnly(event.target);
            void taxNumber.onChange(event);
          }}
        />
      </Field>
      <Field
        id={kit.id("taxOffice")}
        label={_("addresses.form.taxOffice")}
        error={kit.errorOf("taxOffice")}
      >
        <input
          {...kit.register("taxOffice")}
          {...kit.a11y("taxOffice")}
          type="text"
          autoComplete="off"
          autoCapitalize="words"
          enterKeyHint="next"
          className={controlClass}
        />
      </Field>
    </>
  );
}

/** E-mail and mobile phone, for both account types. */
export function ContactFields({ kit }: { kit: FieldKit }) {
  const { _ } = useLingui();
  return (
    <>
      <Field id={kit.id("email")} label={_("checkout.identity.email")} error={kit.errorOf("email")}>
        <input
          {...kit.register("email")}
          {...kit.a11y("email")}
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
        id={kit.id("phone")}
        label={_("addresses.form.phone")}
        hint={_("checkout.identity.phoneHint")}
        error={kit.errorOf("phone")}
      >
        <PhoneInput
          registration={kit.register("phone")}
          onMasked={(value) => kit.setValue("phone", value)}
          {...kit.a11y("phone", true)}
          enterKeyHint="done"
        />
      </Field>
    </>
  );
}
