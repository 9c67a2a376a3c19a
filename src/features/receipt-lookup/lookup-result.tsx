import { useLingui } from "@lingui/react";
import type { RefObject } from "react";
import type { Receipt } from "../../../contract/orders";
import { FeeSummary } from "../../components/fee-summary";
import { formatMoney } from "../../i18n/format";
import { formatOrderTime, OrderItems, OrderStatusBadge, PaymentSummary } from "../orders";

/** The essentials of a receipt found by code and e-mail: status, items, totals and payment. */
export function LookupResult({
  receipt,
  headingRef,
}: {
  receipt: Receipt;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { _, i18n } = useLingui();
  const money = (amount: number) => formatMoney(amount, receipt.currency, i18n.locale);
  return (
    <section
      aria-labelledby="lookup-result"
      className="space-y-4 rounded-card border border-border bg-surface-raised p-5 shadow-card md:p-6"
    >
      <div>
        <p className="text-sm text-text-muted">{_("lookup.result.found")}</p>
        <h2
          id="lookup-result"
          ref={headingRef}
          tabIndex={-1}
          className="mt-0.5 price text-xl font-semibold break-all text-text outline-none"
        >
          {_("lookup.result.title", { code: receipt.orderCode })}
        </h2>
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
          <OrderStatusBadge status={receipt.status} />
          {receipt.orderedAt ? (
            <time dateTime={receipt.orderedAt} className="text-sm text-text-muted">
              {formatOrderTime(receipt.orderedAt, i18n.locale)}
            </time>
          ) : null}
        </div>
      </div>
      <div className="border-t border-border pt-4">
        <h3 className="mb-3 text-sm font-semibold text-text">{_("order.items.title")}</h3>
        <OrderItems
          items={receipt.items}
          currency={receipt.currency}
          label={_("order.items.list")}
        />
      </div>
      <div className="border-t border-border pt-4">
        <FeeSummary totals={receipt.totals} fees={receipt.fees} currency={receipt.currency} />
        <div className="mt-3 flex items-baseline justify-between gap-4 rounded-control bg-surface-sunken px-3 py-2">
          <span className="text-sm text-text-muted">{_("lookup.result.paid")}</span>
          <span className="price font-semibold text-text">{money(receipt.paidAmount)}</span>
        </div>
      </div>
      <div className="border-t border-border pt-4">
        <h3 className="mb-3 text-sm font-semibold text-text">{_("order.payment.title")}</h3>
        <PaymentSummary payment={receipt.payment} />
      </div>
    </section>
  );
}
