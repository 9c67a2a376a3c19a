import { useLingui } from "@lingui/react";
import type { ReactNode } from "react";
import type {
  OrderAddress,
  OrderItem,
  Receipt,
  ReceiptLegalAcceptance,
  ReceiptPayment,
} from "../../../contract/orders";
import { AlertIcon } from "../../components/icons";
import { showToast } from "../../components/toasts";
import { formatDateTime, formatMoney, formatNumber, formatWeight } from "../../i18n/format";
import { unitWithVat } from "../../domain/prices/shelf-price";
import { AddressSummary } from "../../domain/addresses/address-summary";
import {
  cardLastFour,
  legalTypeLabel,
  paymentMethodLabel,
  paymentStateLabel,
  statusLabel,
} from "./receipt-format";
import { ClockIcon } from "../../components/action-icons";
import { CheckCircleIcon, CopyIcon, DocumentCheckIcon } from "./receipt-icons";
import { isPaymentPending } from "./receipt-queries";

/** The receipt sheet's parts: its sections and rows, the head, the lines, payment and addresses. */

/** A section of the receipt sheet: a small heading over its content, dashed rule above. */
export function SheetSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="break-inside-avoid border-t border-dashed border-border-strong/60 px-5 py-5 md:px-8 print:px-0 print:py-3"
    >
      <h2
        id={id}
        className="mb-3 text-xs font-semibold tracking-wider text-text-muted uppercase print:mb-2"
      >
        {title}
      </h2>
      {children}
    </section>
  );
}

/** One label–value row of a description list. */
function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-4 py-1.5">
      <dt className="shrink-0 text-text-muted">{label}</dt>
      <dd className="min-w-0 text-right font-medium break-words text-text">{children}</dd>
    </div>
  );
}

function CopyCode({ code }: { code: string }) {
  const { _ } = useLingui();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      showToast("success", _("receipt.copied"));
    } catch {
      showToast("error", _("receipt.copyFailed"));
    }
  };
  return (
    <button
      type="button"
      onClick={() => void copy()}
      aria-label={_("receipt.copyCode")}
      className="-my-3 -mr-3 grid size-12 shrink-0 place-items-center rounded-control text-primary hover:bg-primary-soft print:hidden"
    >
      <CopyIcon className="size-5" />
    </button>
  );
}

/** The top of the sheet: the outcome, the amount and the order's identity. */
export function SheetHead({ receipt }: { receipt: Receipt }) {
  const { _, i18n } = useLingui();
  const paid = receipt.payment?.state === "paid";
  const pending = isPaymentPending(receipt);
  const failed = receipt.payment?.state === "failed";
  const money = (amount: number) => formatMoney(amount, receipt.currency, i18n.locale);
  return (
    <div className="px-5 pt-6 pb-4 md:px-8 print:px-0 print:pt-2">
      {/* One live region: a pending payment's page says so when the bank's answer arrives. */}
      <div role="status" className="flex flex-col items-center text-center">
        {paid ? (
          <>
            <span className="grid size-14 place-items-center rounded-full bg-success/12 text-success print:hidden">
              <CheckCircleIcon className="size-8" />
            </span>
            <p className="mt-3 text-lg font-semibold text-text">{_("receipt.paid.title")}</p>
            <p className="mt-1 max-w-sm text-sm text-text-muted print:hidden">
              {_("receipt.paid.body")}
            </p>
          </>
        ) : pending ? (
          <>
            <span className="grid size-14 place-items-center rounded-full bg-primary-soft text-primary print:hidden">
              <ClockIcon className="size-8 motion-safe:animate-pulse" />
            </span>
            <p className="mt-3 text-lg font-semibold text-text">{_("receipt.pending.title")}</p>
            <p className="mt-1 max-w-sm text-sm text-text-muted">{_("receipt.pending.body")}</p>
          </>
        ) : failed ? (
          <>
            <span className="grid size-14 place-items-center rounded-full bg-danger/12 text-danger print:hidden">
              <AlertIcon className="size-8" />
            </span>
            <p className="mt-3 text-lg font-semibold text-text">{_("receipt.failed.title")}</p>
          </>
        ) : null}
      </div>
      <div className="mt-5 text-center">
        <p className="text-sm text-text-muted">
          {paid ? _("receipt.amountPaid") : _("receipt.amountDue")}
        </p>
        <p className="mt-0.5 price text-3xl font-semibold tracking-tight text-text">
          {money(paid ? receipt.paidAmount : receipt.totals.total)}
        </p>
      </div>
      <dl className="mt-5 rounded-control bg-surface-sunken px-4 py-2 text-sm print:bg-transparent print:px-0">
        <div className="flex items-center justify-between gap-4 py-1.5">
          <dt className="shrink-0 text-text-muted">{_("receipt.orderCode")}</dt>
          <dd className="flex min-w-0 items-center gap-1 font-medium text-text">
            <span className="price break-all select-all">{receipt.orderCode}</span>
            <CopyCode code={receipt.orderCode} />
          </dd>
        </div>
        <Row label={_("receipt.status")}>{_(statusLabel[receipt.status])}</Row>
        {receipt.orderedAt ? (
          <Row label={_("receipt.date")}>
            <time dateTime={receipt.orderedAt}>
              {formatDateTime(receipt.orderedAt, i18n.locale, { dateStyle: "long" })}
            </time>
          </Row>
        ) : null}
      </dl>
    </div>
  );
}

export function ItemLine({ item, currency }: { item: OrderItem; currency: string }) {
  const { _, i18n } = useLingui();
  const money = (amount: number) => formatMoney(amount, currency, i18n.locale);
  return (
    <li className="break-inside-avoid py-3 first:pt-0 last:pb-0">
      <div className="flex items-baseline justify-between gap-4">
        <p className="min-w-0 font-semibold text-text">{item.name}</p>
        <p className="shrink-0 price font-semibold text-text">
          <span className="sr-only">{_("receipt.items.lineTotal")} </span>
          {money(item.total)}
        </p>
      </div>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-sm">
        <dt className="text-text-muted">{_("receipt.items.quantity")}</dt>
        <dd className="text-right price text-text">
          {_("receipt.items.quantityValue", { count: item.quantity })}
        </dd>
        {item.weightGrams !== null ? (
          <>
            <dt className="text-text-muted">{_("receipt.items.weight")}</dt>
            <dd className="text-right price text-text">
              {item.quantity > 1
                ? _("receipt.items.weightEach", {
                    weight: formatWeight(item.weightGrams, i18n.locale),
                  })
                : formatWeight(item.weightGrams, i18n.locale)}
            </dd>
          </>
        ) : null}
        <dt className="text-text-muted">{_("receipt.items.unitPrice")}</dt>
        <dd className="text-right price text-text">{money(unitWithVat(item))}</dd>
        <dt className="text-text-muted">
          {_("receipt.items.vat", { rate: formatNumber(item.vatRate, i18n.locale) })}
        </dt>
        <dd className="text-right price text-text">{money(item.vat)}</dd>
      </dl>
    </li>
  );
}

export function PaymentRows({ payment }: { payment: ReceiptPayment | null }) {
  const { _ } = useLingui();
  if (!payment) return <p className="text-sm text-text-muted">{_("receipt.payment.none")}</p>;
  const lastFour = payment.cardMasked ? cardLastFour(payment.cardMasked) : null;
  return (
    <dl className="text-sm">
      <Row label={_("receipt.payment.method")}>{_(paymentMethodLabel[payment.method])}</Row>
      {payment.cardMasked ? (
        <Row label={_("receipt.payment.cardNumber")}>
          {payment.cardBrand ? `${payment.cardBrand} ` : null}
          {lastFour ? (
            <>
              <span aria-hidden="true">•••• </span>
              <span className="sr-only">{_("receipt.payment.cardEnding")} </span>
              <span className="price">{lastFour}</span>
            </>
          ) : (
            payment.cardMasked
          )}
        </Row>
      ) : null}
      {payment.method === "card" && payment.installments !== null ? (
        <Row label={_("receipt.payment.installments")}>
          {_("receipt.payment.installmentsValue", { count: payment.installments })}
        </Row>
      ) : null}
      <Row label={_("receipt.payment.state")}>{_(paymentStateLabel[payment.state])}</Row>
    </dl>
  );
}

export function AddressBlock({ title, address }: { title: string; address: OrderAddress | null }) {
  const { _ } = useLingui();
  return (
    <div className="min-w-0 break-inside-avoid">
      <h3 className="mb-1 text-sm font-semibold text-text">{title}</h3>
      {address ? (
        <address className="not-italic">
          <AddressSummary address={address} />
        </address>
      ) : (
        <p className="text-sm text-text-muted">{_("receipt.addresses.none")}</p>
      )}
    </div>
  );
}

export function LegalAcceptances({
  acceptances,
}: {
  acceptances: readonly ReceiptLegalAcceptance[];
}) {
  const { _, i18n } = useLingui();
  if (acceptances.length === 0)
    return <p className="text-sm text-text-muted">{_("receipt.legal.none")}</p>;
  return (
    <ul className="space-y-3">
      {acceptances.map((a) => {
        const label = legalTypeLabel(a.type);
        const accepted = Number.isNaN(Date.parse(a.acceptedAt))
          ? a.acceptedAt
          : // The customer's own clock and zone, with the zone named (a legal record).
            formatDateTime(a.acceptedAt, i18n.locale, { dateStyle: "medium", timeStyle: "long" });
        return (
          <li key={`${a.type}-${a.version}`} className="flex break-inside-avoid gap-3">
            <DocumentCheckIcon className="mt-0.5 size-5 shrink-0 text-success print:hidden" />
            <div className="min-w-0 text-sm">
              <p className="font-medium text-text">{label ? _(label) : a.type}</p>
              <p className="text-text-muted">
                {_("receipt.legal.version", { version: a.version })}
                {" · "}
                <time dateTime={a.acceptedAt}>
                  {_("receipt.legal.acceptedAt", { date: accepted })}
                </time>
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
