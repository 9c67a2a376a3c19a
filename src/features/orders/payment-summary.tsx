import { useLingui } from "@lingui/react";
import type { OrderPayment } from "../../../contract/orders";
import { msg } from "../../i18n/i18n";

const methodLabel: Record<OrderPayment["method"], string> = {
  card: msg("order.payment.card"),
  wallet: msg("order.payment.wallet"),
  other: msg("order.payment.other"),
};

const stateLabel: Record<OrderPayment["state"], string> = {
  paid: msg("order.payment.paid"),
  pending: msg("order.payment.pending"),
  failed: msg("order.payment.failed"),
};

/** How the order was paid: method, the card (masked, as the proxy sends it) and the state. */
export function PaymentSummary({ payment }: { payment: OrderPayment | null }) {
  const { _ } = useLingui();
  if (!payment) return <p className="text-sm text-text-muted">{_("order.payment.unknown")}</p>;
  const rows: [string, string][] = [
    [_("order.payment.method"), _(methodLabel[payment.method])],
    ...(payment.cardMasked
      ? [
          [
            _("order.payment.cardNumber"),
            [payment.cardBrand, payment.cardMasked].filter(Boolean).join(" "),
          ] satisfies [string, string],
        ]
      : []),
    [_("order.payment.state"), _(stateLabel[payment.state])],
  ];
  return (
    <dl className="space-y-2 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="flex items-baseline justify-between gap-4">
          <dt className="text-text-muted">{term}</dt>
          <dd className="text-right price font-medium text-text">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
