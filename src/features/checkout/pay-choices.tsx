import { useLingui } from "@lingui/react";
import { useId } from "react";
import type { PaymentTypes } from "../../../contract/checkout";
import { perInstallment, totalWithInstallmentCharge } from "../../../contract/installment-charge";
import { cn } from "../../components/class-names";
import { WalletIcon } from "../../components/icons";
import { formatMoney } from "../../i18n/format";
import { CardIcon } from "./checkout-icons";

/** The pay step's choices: how to pay, and in how many instalments. */

export type Installments = 1 | 3 | 6;
export const asInstallments = (n: number): Installments | null =>
  n === 1 || n === 3 || n === 6 ? n : null;

/** An instalment option the completion accepts, with the bank's charge in percent. */
export interface Offer {
  count: Installments;
  ratePercent: number;
}

export type PaymentOption = PaymentTypes["paymentTypes"][number];

const radioCard =
  "flex min-h-12 cursor-pointer items-start gap-3 rounded-control border border-border bg-surface-raised p-3 has-[:checked]:border-2 has-[:checked]:border-primary has-[:checked]:bg-primary-soft has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-70 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-primary";

export function PaymentTypeChoice({
  options,
  selected,
  disabled,
  onSelect,
}: {
  options: readonly PaymentOption[];
  selected: PaymentOption;
  disabled: boolean;
  onSelect: (option: PaymentOption) => void;
}) {
  const { _ } = useLingui();
  const name = useId();
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 font-semibold text-text">{_("checkout.pay.method")}</legend>
      {options.map((option) => (
        <label key={option.type} className={radioCard}>
          <input
            type="radio"
            name={name}
            value={option.type}
            checked={option.type === selected.type}
            disabled={disabled}
            onChange={() => onSelect(option)}
            className="mt-1 size-5 shrink-0 accent-primary"
          />
          <span className="flex min-w-0 flex-1 items-start gap-3">
            {option.type === "card" ? (
              <CardIcon className="mt-0.5 size-6 shrink-0 text-primary" />
            ) : (
              <WalletIcon className="mt-0.5 size-6 shrink-0 text-primary" />
            )}
            <span className="min-w-0">
              <span className="block font-medium text-text">{option.name}</span>
              <span className="block text-sm text-text-muted">
                {option.type === "card" ? _("checkout.pay.cardHint") : _("checkout.pay.walletHint")}
              </span>
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** Each option with what it costs: the count, one instalment and the total the bank charges. */
export function InstallmentChoice({
  offered,
  selected,
  base,
  disabled,
  onSelect,
}: {
  offered: readonly Offer[];
  selected: Installments;
  /** The quote's total (no charge), or null while there is no valid quote. */
  base: number | null;
  disabled: boolean;
  onSelect: (n: Installments) => void;
}) {
  const { _, i18n } = useLingui();
  const name = useId();
  const money = (amount: number) => formatMoney(amount, "TRY", i18n.locale);
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 font-semibold text-text">{_("checkout.pay.installments")}</legend>
      {offered.map(({ count, ratePercent }) => {
        const total = base === null ? null : totalWithInstallmentCharge(base, ratePercent);
        return (
          <label key={count} className={cn(radioCard, "items-center")}>
            <input
              type="radio"
              name={name}
              value={count}
              checked={count === selected}
              disabled={disabled}
              onChange={() => onSelect(count)}
              className="size-5 shrink-0 accent-primary"
            />
            <span className="flex min-w-0 flex-1 flex-col">
              <span className="font-medium text-text">
                {count === 1
                  ? _("checkout.pay.singlePayment")
                  : _("checkout.pay.installmentCount", { n: count })}
              </span>
              {total === null ? null : (
                <span className="price text-sm text-text-muted">
                  {count === 1
                    ? money(total)
                    : _("inst.pay.perInstallment", {
                        n: count,
                        each: money(perInstallment(total, count)),
                        total: money(total),
                      })}
                </span>
              )}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
