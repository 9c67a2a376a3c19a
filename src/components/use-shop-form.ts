import { useEffect, useRef, useState, type BaseSyntheticEvent } from "react";
import {
  get,
  useForm,
  type DefaultValues,
  type FieldPath,
  type FieldValues,
  type Resolver,
  type UseFormReturn,
} from "react-hook-form";
import { ApiProblem } from "../lib/api";
import type { TabDraft } from "../lib/tab-storage";
import { splitFieldErrors, useErrorsFollowLocale } from "./form-field";

export interface ShopFormOptions<In extends FieldValues, Out> {
  /** The contract's rules, worded in the shop's current language. */
  resolver: Resolver<In, unknown, Out>;
  /** The values to start with; a stored draft wins over them. */
  defaultValues: In;
  /** Where what is typed is kept across reloads until a successful submit (fixed at mount). */
  draft?: TabDraft<Partial<In>>;
  /** The fields shown now, in the order shown: the first invalid one gets the focus. */
  fieldOrder: (values: In) => readonly FieldPath<In>[];
  /**
   * The proxy's field names this form shows at a field (the rest go above the button); by
   * default the fields shown now.
   */
  isField?: (key: string) => key is FieldPath<In>;
}

export interface ShopForm<In extends FieldValues, Out> extends UseFormReturn<In, unknown, Out> {
  /** The problem shown above the button (not at a field). */
  formError: string | null;
  setFormError: (message: string | null) => void;
  /** The form's onSubmit: checks, focuses the first invalid field, or calls `submitValid`. */
  onSubmit: (
    submitValid: (value: Out) => Promise<void> | void,
  ) => (event: BaseSyntheticEvent) => void;
  /**
   * Shows a refusal's field `errors` at their fields (focusing the first), the rest above the
   * button, or `fallback` when it named no field.
   */
  showProblem: (error: unknown, fallback: (problem: ApiProblem | null) => string) => void;
  /** Shows a refusal's field `errors` at their fields and focuses the first of them. */
  showFieldErrors: (error: unknown) => void;
  /** Saved: the draft goes, and these values are not worth a new one. */
  saved: () => void;
}

/**
 * Every form of the shop: react-hook-form checked on submit and then as the customer corrects,
 * errors worded again when the language changes, focus on the first invalid field in the order
 * shown, the proxy's field errors at their fields, and (with `draft`) what was typed kept in this
 * tab across a reload or an error until it is saved.
 */
export function useShopForm<In extends FieldValues, Out>(
  options: ShopFormOptions<In, Out>,
): ShopForm<In, Out> {
  const { resolver, fieldOrder } = options;
  const [draft] = useState(() => options.draft);
  const [defaultValues] = useState(() => ({ ...options.defaultValues, ...draft?.read() }));
  const form = useForm<In, unknown, Out>({
    resolver,
    defaultValues: defaultValues as DefaultValues<In>,
    mode: "onSubmit",
    reValidateMode: "onChange",
    // Focus is moved below, in the order the fields are shown.
    shouldFocusError: false,
  });
  const { subscribe, getValues, setFocus, setError, handleSubmit, trigger } = form;
  const [formError, setFormError] = useState<string | null>(null);
  /** The values last submitted successfully: not worth a draft. */
  const savedValues = useRef<string | null>(null);

  useEffect(() => {
    if (!draft) return;
    return subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        if (savedValues.current !== JSON.stringify(values)) draft.write(values);
      },
    });
  }, [subscribe, draft]);

  useErrorsFollowLocale(form.formState.isSubmitted, trigger);

  function focusFirst(invalid: (name: FieldPath<In>) => boolean): void {
    const first = fieldOrder(getValues()).find(invalid);
    if (first) setFocus(first);
  }

  function placeFieldErrors(error: unknown) {
    const shown = fieldOrder(getValues());
    const isShown = (key: string): key is FieldPath<In> => shown.some((name) => name === key);
    const split = splitFieldErrors(error, options.isField ?? isShown);
    for (const [key, message] of split.atFields) setError(key, { type: "server", message });
    return split;
  }

  return {
    ...form,
    formError,
    setFormError,
    onSubmit: (submitValid) => (event) =>
      void handleSubmit(submitValid, (invalid) => {
        setFormError(null);
        focusFirst((name) => get(invalid, name) !== undefined);
      })(event),
    showProblem: (error, fallback) => {
      const { atFields, elsewhere } = placeFieldErrors(error);
      if (elsewhere.length > 0) setFormError(elsewhere.join(" "));
      else if (atFields.length === 0)
        setFormError(fallback(error instanceof ApiProblem ? error : null));
      focusFirst((name) => atFields.some(([key]) => key === name));
    },
    showFieldErrors: (error) => {
      const { atFields } = placeFieldErrors(error);
      focusFirst((name) => atFields.some(([key]) => key === name));
    },
    saved: () => {
      savedValues.current = JSON.stringify(getValues());
      draft?.clear();
    },
  };
}
