import { useLingui } from "@lingui/react";
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { ApiProblem } from "../lib/api";
import { maskTrPhoneInput, maskTrPhoneWhileTyping } from "../lib/tr-phone";
import { cn } from "./class-names";
import { AlertIcon } from "./icons";

/** What the shop's forms share: the field frame, control styles, phone entry and error plumbing. */

export const controlClass =
  "block min-h-12 w-full rounded-control border border-border-strong bg-surface-raised px-3.5 py-2.5 text-base text-text transition-colors placeholder:text-text-muted focus-visible:border-primary focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-primary aria-invalid:border-danger aria-invalid:focus-visible:outline-danger";

/** Keeps only digits, in place, so that pasted "34 710" or "100-000-001-46" still fit. */
export function digitsOnly(input: HTMLInputElement): void {
  const digits = input.value.replace(/\D/g, "");
  if (digits !== input.value) input.value = digits;
}

export interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  className?: string;
  children: ReactNode;
}

/** A label, the control, an optional hint and the error, with ids the control refers to. */
export function Field({ id, label, hint, error, className, children }: FieldProps) {
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium text-text">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="flex items-start gap-1.5 text-sm text-danger">
          <AlertIcon className="mt-px size-4 shrink-0" />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

/** The control's own attributes for a `Field` with this id: validity and what describes it. */
export function fieldA11y(id: string, invalid: boolean, hint = false) {
  const describedBy = [hint && `${id}-hint`, invalid && `${id}-error`].filter(Boolean).join(" ");
  return {
    id,
    "aria-invalid": invalid,
    "aria-required": true,
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
  };
}

type PhoneInputProps = {
  registration: UseFormRegisterReturn;
  /** Called with the masked value when leaving the field changed how it is written. */
  onMasked: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "onBlur" | "name" | "type">;

/** A Turkish mobile number: masked as +90 5xx xxx xx xx while typing and when leaving. */
export function PhoneInput({ registration, onMasked, className, ...attrs }: PhoneInputProps) {
  return (
    <input
      {...registration}
      {...attrs}
      type="tel"
      inputMode="tel"
      autoComplete="tel"
      placeholder="+90 5xx xxx xx xx"
      className={cn(controlClass, "price", className)}
      onChange={(event) => {
        maskTrPhoneWhileTyping(event.target);
        void registration.onChange(event);
      }}
      onBlur={(event) => {
        const masked = maskTrPhoneInput(event.target.value);
        if (masked !== event.target.value) onMasked(masked);
        void registration.onBlur(event);
      }}
    />
  );
}

/**
 * A proxy refusal split for a form: messages for its own fields (to show at them), and the
 * rest (to show above the button). Anything but an ApiProblem has neither.
 */
export function splitFieldErrors<Name extends string>(
  error: unknown,
  isField: (key: string) => key is Name,
): { atFields: [Name, string][]; elsewhere: string[] } {
  const entries = error instanceof ApiProblem ? Object.entries(error.errors) : [];
  const atFields: [Name, string][] = [];
  const elsewhere: string[] = [];
  for (const [key, messages] of entries) {
    if (isField(key)) atFields.push([key, messages.join(" ")]);
    else elsewhere.push(...messages);
  }
  return { atFields, elsewhere };
}

/** Errors already shown are worded again when the language changes. */
export function useErrorsFollowLocale(isSubmitted: boolean, revalidate: () => unknown): void {
  const { i18n } = useLingui();
  const locale = useRef(i18n.locale);
  useEffect(() => {
    if (locale.current === i18n.locale) return;
    locale.current = i18n.locale;
    if (isSubmitted) void revalidate();
  }, [i18n.locale, isSubmitted, revalidate]);
}

/** A form's problem that belongs to no one field, above its button. */
export function FormProblem({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <p
      id={id}
      role="alert"
      className="flex items-start gap-2 rounded-control border border-danger/40 bg-surface-sunken p-3 text-sm text-text"
    >
      <AlertIcon className="mt-px size-5 shrink-0 text-danger" />
      <span>{message}</span>
    </p>
  );
}
