import { useLingui } from "@lingui/react";
import type { ReactNode } from "react";
import { amountInWordsTr } from "../../../contract/amount-in-words";
import type { Invoice, OrderAddress } from "../../../contract/orders";
import { cn } from "../../components/class-names";
import { formatMoney, formatNumber, formatWeight } from "../../i18n/format";
import { formatOrderDay, formatPercent } from "./order-format";

/**
 * The invoice details as a sheet. Titled "Fatura bilgileri" / "Invoice details", with a line
 * saying it is no e-Archive invoice: Minted's invoice has no invoice number, date or ETTN, so the
 * sheet shows the order code (as the order code), the order date when known, Minted's items and
 * amounts, the order's fees as the receipt names them, and the partner's seller.
 */

type Item = Invoice["items"][number];

function Meta({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-text-muted">{term}</dt>
          <dd className="text-right price font-semibold break-all text-text">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function PartyHeading({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h2 id={id} className="text-xs font-semibold tracking-wider text-text-muted uppercase">
      {children}
    </h2>
  );
}

function AddressLines({
  address,
}: {
  address: Pick<OrderAddress, "street" | "line" | "district" | "zipcode" | "county" | "city">;
}) {
  return (
    <p className="text-sm text-text-muted">
      {[address.street, address.line].filter(Boolean).join(" ")}
      {address.district ? (
        <>
          <br />
          {address.district}
        </>
      ) : null}
      <br />
      {[address.zipcode, [address.county, address.city].filter(Boolean).join(" / ")]
        .filter(Boolean)
        .join(" ")}
    </p>
  );
}

function Parties({ invoice }: { invoice: Invoice }) {
  const { _ } = useLingui();
  const { seller, buyer, shippingAddress } = invoice;
  const corporate = buyer.invoiceType === "corporate";
  const contact: [string, ReactNode][] = [
    ...(corporate && buyer.taxOffice
      ? [[_("invoice.taxOffice"), buyer.taxOffice] satisfies [string, ReactNode]]
      : []),
    ...(buyer.identityNumber
      ? [
          [
            corporate ? _("invoice.vkn") : _("invoice.tckn"),
            <span className="price">{buyer.identityNumber}</span>,
          ] satisfies [string, ReactNode],
        ]
      : []),
    ...(buyer.email ? [[_("invoice.email"), buyer.email] satisfies [string, ReactNode]] : []),
    ...(buyer.phone
      ? [
          [_("invoice.phone"), <span className="price">{buyer.phone}</span>] satisfies [
            string,
            ReactNode,
          ],
        ]
      : []),
  ];
  return (
    <div className="grid gap-5 sm:grid-cols-2 print:grid-cols-2" data-keep-together>
      <section aria-labelledby="invoice-seller">
        <PartyHeading id="invoice-seller">{_("invoice.seller")}</PartyHeading>
        <p className="mt-1 font-semibold text-text">{seller.name}</p>
        {seller.address ? <p className="text-sm text-text-muted">{seller.address}</p> : null}
        <p className="mt-1 text-sm text-text">
          {seller.taxOffice ? (
            <>
              {_("invoice.taxOffice")}: {seller.taxOffice}
              <br />
            </>
          ) : null}
          {_("invoice.vkn")}: <span className="price">{seller.taxNumber}</span>
        </p>
        {seller.sample ? (
          <p className="mt-2 inline-block rounded-control border border-gold/60 bg-gold/10 px-2 py-1 text-xs font-medium text-text">
            {_("invoice.sampleSeller")}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="invoice-buyer">
        <PartyHeading id="invoice-buyer">{_("invoice.buyer")}</PartyHeading>
        <p className="mt-1 font-semibold text-text">{buyer.name || "–"}</p>
        {buyer.address ? <AddressLines address={buyer.address} /> : null}
        {contact.length > 0 ? (
          <p className="mt-1 text-sm break-words text-text">
            {contact.map(([term, value], i) => (
              <span key={term}>
                {i > 0 ? <br /> : null}
                {term}: {value}
              </span>
            ))}
          </p>
        ) : null}
      </section>
      {shippingAddress ? (
        <section aria-labelledby="invoice-shipping" className="sm:col-span-2 print:col-span-2">
          <PartyHeading id="invoice-shipping">{_("invoice.shipping")}</PartyHeading>
          {shippingAddress.fullName ? (
            <p className="mt-1 font-semibold text-text">{shippingAddress.fullName}</p>
          ) : null}
          <AddressLines address={shippingAddress} />
        </section>
      ) : null}
    </div>
  );
}

function Lines({ invoice }: { invoice: Invoice }) {
  const { _, i18n } = useLingui();
  const money = (amount: number) => formatMoney(amount, invoice.currency, i18n.locale);
  const weight = (item: Item) =>
    item.weightGrams === null ? "–" : formatWeight(item.weightGrams, i18n.locale);
  const rate = (item: Item) => (
    <>
      {formatPercent(item.vatRate, i18n.locale)}
      {item.vatRate === 0 ? <span aria-hidden="true">*</span> : null}
    </>
  );
  const cell = "px-2 py-2.5 text-right align-top price whitespace-nowrap";
  const columns = [
    _("invoice.col.quantity"),
    _("invoice.col.weight"),
    _("invoice.col.unitPrice"),
    _("invoice.col.vatRate"),
    _("invoice.col.vat"),
    _("invoice.col.total"),
  ];
  const values = (item: Item): ReactNode[] => [
    formatNumber(item.quantity, i18n.locale, 3),
    weight(item),
    money(item.unitPrice),
    rate(item),
    money(item.vat),
    money(item.total),
  ];
  return (
    <section aria-labelledby="invoice-lines">
      <h2 id="invoice-lines" className="sr-only">
        {_("invoice.lines")}
      </h2>
      {/* Wide screens and paper: a real table. */}
      <table className="hidden w-full border-collapse text-sm md:table print:table">
        <thead>
          <tr className="border-b-2 border-border-strong text-xs text-text-muted">
            <th scope="col" className="px-2 py-2 text-left font-semibold">
              {_("invoice.col.product")}
            </th>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-2 py-2 text-right font-semibold">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {invoice.items.map((item, index) => (
            // Minted's invoice lines carry no SKU; their order is their identity.
            <tr key={index} className="border-b border-border">
              <th scope="row" className="px-2 py-2.5 text-left align-top font-medium text-text">
                {item.name}
              </th>
              {values(item).map((value, i) => (
                <td key={columns[i]} className={cn(cell, i === 5 && "font-semibold")}>
                  {value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {/* Phones: one card per line, the same facts. */}
      <ul className="divide-y divide-border md:hidden print:hidden">
        {invoice.items.map((item, index) => (
          <li key={index} className="py-3 first:pt-0">
            <p className="font-medium text-text">{item.name}</p>
            <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
              {values(item).map((value, i) => (
                <div key={columns[i]} className="flex justify-between gap-2">
                  <dt className="text-text-muted">{columns[i]}</dt>
                  <dd className="text-right price font-medium text-text">{value}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Row({ term, value, strong = false }: { term: string; value: string; strong?: boolean }) {
  return (
    <div
      className={cn(
        "flex justify-between gap-4",
        strong && "border-t-2 border-border-strong pt-2 text-base font-bold text-text",
      )}
    >
      <dt className={strong ? undefined : "text-text-muted"}>{term}</dt>
      <dd className={cn("text-right price", !strong && "text-text")}>{value}</dd>
    </div>
  );
}

function Totals({ invoice }: { invoice: Invoice }) {
  const { _, i18n } = useLingui();
  const money = (amount: number) => formatMoney(amount, invoice.currency, i18n.locale);
  const exempt = invoice.items.some((item) => item.vatRate === 0);
  const orderAmounts = invoice.fees.length > 0 || invoice.paidTotal !== null;
  return (
    <div className="mt-5 space-y-4" data-keep-together>
      <dl className="ml-auto w-full space-y-1.5 text-sm sm:w-80 print:w-80">
        <Row term={_("invoice.subtotal")} value={money(invoice.totals.subtotal)} />
        <Row term={_("invoice.vatTotal")} value={money(invoice.totals.vat)} />
        <Row strong term={_("invoice.grandTotal")} value={money(invoice.totals.total)} />
      </dl>
      <div className="rounded-control border border-border bg-surface-sunken px-3 py-2 text-sm print:bg-transparent">
        <p className="text-xs text-text-muted">{_("invoice.inWords")}</p>
        <p lang="tr" className="font-semibold text-text">
          {amountInWordsTr(invoice.totals.total, invoice.currency)}
        </p>
      </div>
      {orderAmounts ? (
        <section
          aria-labelledby="invoice-order-amounts"
          className="ml-auto w-full sm:w-80 print:w-80"
        >
          <h2
            id="invoice-order-amounts"
            className="text-xs font-semibold tracking-wider text-text-muted uppercase"
          >
            {_("invoice.orderAmounts")}
          </h2>
          <dl className="mt-2 space-y-1.5 text-sm">
            {invoice.fees.map((fee) => (
              <Row
                key={fee.kind}
                term={fee.label}
                value={
                  fee.included
                    ? _("basket.totals.included", { amount: money(fee.amount) })
                    : money(fee.amount)
                }
              />
            ))}
            {invoice.paidTotal !== null ? (
              <Row strong term={_("invoice.paidTotal")} value={money(invoice.paidTotal)} />
            ) : null}
          </dl>
        </section>
      ) : null}
      {exempt ? (
        <p className="text-xs text-text-muted">
          <span aria-hidden="true">* </span>
          {_("invoice.vatNote")}
        </p>
      ) : null}
    </div>
  );
}

export function InvoiceSheet({ invoice }: { invoice: Invoice }) {
  const { _, i18n } = useLingui();
  return (
    <article
      data-invoice-sheet
      aria-label={_("invoice.sheet", { code: invoice.orderCode })}
      className="mx-auto w-full max-w-4xl rounded-card border border-border bg-surface-raised p-4 text-text shadow-card sm:p-6 md:p-10 print:max-w-none print:rounded-none print:border-0 print:p-0 print:shadow-none"
    >
      <div className="flex flex-col gap-4 border-b border-border pb-5 sm:flex-row sm:items-start sm:justify-between print:flex-row print:items-start print:justify-between">
        <div className="sm:max-w-xs">
          <p className="text-xl font-bold tracking-[0.12em] text-text uppercase">
            {_("invoice.heading")}
          </p>
          <p className="mt-1 text-sm text-text-muted">{_("invoice.notice")}</p>
        </div>
        <div className="sm:w-72 print:w-72">
          <Meta
            rows={[
              [_("invoice.orderCode"), invoice.orderCode],
              ...(invoice.orderedAt
                ? [
                    [
                      _("invoice.orderDate"),
                      formatOrderDay(invoice.orderedAt, i18n.locale),
                    ] satisfies [string, ReactNode],
                  ]
                : []),
              [_("invoice.currency"), invoice.currency],
            ]}
          />
        </div>
      </div>
      <div className="border-b border-border py-5">
        <Parties invoice={invoice} />
      </div>
      <div className="pt-5">
        <Lines invoice={invoice} />
        <Totals invoice={invoice} />
      </div>
    </article>
  );
}
