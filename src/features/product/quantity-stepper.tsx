import { useLingui } from "@lingui/react";
import { useId } from "react";

interface QuantityStepperProps {
  value: number;
  max: number;
  onChange: (value: number) => void;
  disabled?: boolean;
}

const step =
  "grid size-12 shrink-0 place-items-center text-2xl font-medium text-text hover:bg-surface-sunken disabled:text-text-muted disabled:opacity-50";

/** − [n] + with 48 px targets; the value stays within 1…max. */
export function QuantityStepper({ value, max, onChange, disabled = false }: QuantityStepperProps) {
  const { _ } = useLingui();
  const id = useId();
  const set = (next: number) => onChange(Math.max(1, Math.min(max, next)));
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {_("product.quantity")}
      </label>
      <div className="flex h-12 items-stretch overflow-hidden rounded-control border border-border-strong bg-surface-raised">
        <button
          type="button"
          onClick={() => set(value - 1)}
          disabled={disabled || value <= 1}
          aria-label={_("product.decrease")}
          aria-controls={id}
          className={step}
        >
          −
        </button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={1}
          max={max}
          value={value}
          disabled={disabled}
          onChange={(event) => {
            const next = Number(event.target.value);
            if (Number.isInteger(next)) set(next);
          }}
          className="w-12 [appearance:textfield] bg-transparent text-center price text-lg font-semibold text-text [&::-webkit-inner-spin-button]:appearance-none"
        />
        <button
          type="button"
          onClick={() => set(value + 1)}
          disabled={disabled || value >= max}
          aria-label={_("product.increase")}
          aria-controls={id}
          className={step}
        >
          +
        </button>
      </div>
    </div>
  );
}
