import { useLingui } from "@lingui/react";
import type { OrderAddress } from "../../../contract/orders";
import { cn } from "../../components/class-names";
import { formatTrPhone } from "../../lib/tr-phone";

/**
 * One address, compact and readable: who, where, how to reach them, and how the invoice is made
 * out (the identity or tax number masked, as the proxy sends it). Used by checkout, the receipt
 * and the saved-addresses page.
 */
export function AddressSummary({
  address,
  className,
}: {
  address: OrderAddress;
  className?: string;
}) {
  const { _ } = useLingui();
  const corporate = address.invoiceType === "corporate";
  const street = [address.street, address.line].filter(Boolean).join(" ");
  const place = [address.county, address.city].filter(Boolean).join(" / ");
  const taxLabel = corporate ? _("addresses.summary.vkn") : _("addresses.summary.tckn");
  return (
    <div className={cn("text-sm leading-relaxed text-text not-italic", className)}>
      {address.fullName ? <p className="font-semibold">{address.fullName}</p> : null}
      {address.companyName ? (
        <p className={cn(!address.fullName && "font-semibold")}>{address.companyName}</p>
      ) : null}
      <p className="text-text-muted">
        {street ? (
          <>
            {street}
            <br />
          </>
        ) : null}
        {address.district ? (
          <>
            {address.district}
            <br />
          </>
        ) : null}
        {[address.zipcode, place].filter(Boolean).join(" ")}
      </p>
      {address.phone ? (
        <p className="text-text-muted">
          <span className="sr-only">{_("addresses.summary.phone")} </span>
          <span className="price">{formatTrPhone(address.phone)}</span>
        </p>
      ) : null}
      {address.invoiceType ? (
        <p className="mt-1 text-text-muted">
          {corporate ? _("addresses.summary.corporate") : _("addresses.summary.individual")}
          {address.taxOffice ? (
            <>
              {" · "}
              {_("addresses.summary.taxOffice", { office: address.taxOffice })}
            </>
          ) : null}
          {address.taxNumberMasked ? (
            <>
              {" · "}
              {taxLabel} <span className="price">{address.taxNumberMasked}</span>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
