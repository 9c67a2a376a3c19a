import { useLingui } from "@lingui/react";
import type { Receipt } from "../../../contract/orders";
import { Button, ButtonLink } from "../../components/button-link";
import { FeeSummary } from "../../components/fee-summary";
import { Skeleton } from "../../components/skeleton";
import { formatMoney } from "../../i18n/format";
import { PrinterIcon } from "../../components/action-icons";
import {
  AddressBlock,
  ItemLine,
  LegalAcceptances,
  PaymentRows,
  SheetHead,
  SheetSection,
} from "./receipt-sheet-parts";

export function ReceiptSheet({ receipt }: { receipt: Receipt }) {
  const { _, i18n } = useLingui();
  const paid = receipt.payment?.state === "paid";
  return (
    <div className="mx-auto max-w-2xl print:max-w-none">
      <article
        aria-label={_("receipt.sheet", { code: receipt.orderCode })}
        className="overflow-hidden rounded-card border border-border bg-surface-raised shadow-card print:overflow-visible print:rounded-none print:border-0 print:shadow-none"
      >
        <SheetHead receipt={receipt} />
        <SheetSection id="receipt-items" title={_("receipt.items.title")}>
          <ul className="divide-y divide-border">
            {receipt.items.map((item) => (
              <ItemLine key={item.sku} item={item} currency={receipt.currency} />
            ))}
          </ul>
        </SheetSection>
        <SheetSection id="receipt-totals" title={_("receipt.totals.title")}>
          <div className="text-sm">
            <FeeSummary
              totals={receipt.totals}
              fees={receipt.fees}
              currency={receipt.currency}
              totalLabel={_("receipt.totals.total")}
            />
          </div>
          {paid ? (
            <dl className="mt-2 text-lg">
              <div className="flex items-baseline justify-between gap-4 text-text">
                <dt className="font-semibold">{_("receipt.amountPaid")}</dt>
                <dd className="price font-semibold">
                  {formatMoney(receipt.paidAmount, receipt.currency, i18n.locale)}
                </dd>
              </div>
            </dl>
          ) : null}
        </SheetSection>
        <SheetSection id="receipt-payment" title={_("receipt.payment.title")}>
          <PaymentRows payment={receipt.payment} />
        </SheetSection>
        <SheetSection id="receipt-addresses" title={_("receipt.addresses.title")}>
          <div className="grid gap-4 sm:grid-cols-2 print:grid-cols-2">
            <AddressBlock
              title={_("receipt.addresses.shipping")}
              address={receipt.shippingAddress}
            />
            <AddressBlock title={_("receipt.addresses.billing")} address={receipt.billingAddress} />
          </div>
        </SheetSection>
        <SheetSection id="receipt-legal" title={_("receipt.legal.title")}>
          <LegalAcceptances acceptances={receipt.legalAcceptances} />
        </SheetSection>
      </article>
      <div className="mt-6 grid gap-2 sm:grid-cols-2 print:hidden">
        <Button variant="secondary" onClick={() => window.print()}>
          <PrinterIcon className="size-5" />
          {_("receipt.print")}
        </Button>
        <ButtonLink to="/">{_("receipt.continue")}</ButtonLink>
      </div>
    </div>
  );
}

export function ReceiptSkeleton() {
  const { _ } = useLingui();
  return (
    <div
      role="status"
      aria-label={_("receipt.loading")}
      className="mx-auto max-w-2xl rounded-card border border-border bg-surface-raised p-5 shadow-card md:p-8"
    >
      <div className="flex flex-col items-center gap-3">
        <Skeleton className="size-14 rounded-full" />
        <Skeleton className="h-5 w-44" />
        <Skeleton className="mt-3 h-4 w-24" />
        <Skeleton className="h-9 w-48" />
      </div>
      <Skeleton className="mt-6 h-24 w-full" />
      {[0, 1].map((row) => (
        <div key={row} className="mt-6 space-y-2 border-t border-dashed border-border pt-5">
          <Skeleton className="h-3 w-20" />
          <Skeleton className="h-4 w-3/4" />
          <Skeleton className="h-4 w-1/2" />
        </div>
      ))}
    </div>
  );
}
