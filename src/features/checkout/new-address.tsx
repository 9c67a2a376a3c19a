import { useLingui } from "@lingui/react";
import { useEffect, useId, useRef, useState } from "react";
import type { Address, AddressType } from "../../../contract/addresses";
import { clearDraft } from "../../domain/addresses/address-draft";
import { useCreateAddress } from "../../domain/addresses/address-queries";
import { AddressForm } from "../addresses";
import { guestIdentityNumber, guestIdentityPrefill } from "./guest-identity";

/** The form's draft (what was typed) is kept under this id across reloads. */
export const newAddressFormId = (type: AddressType) => `checkout-new-${type}`;

/**
 * "Add a new address" on the address step: the shared address form, saved to the customer's
 * addresses (a refusal's field errors show at the fields, what was typed stays), then chosen.
 */
export function NewAddress({
  type,
  onSaved,
  onCancel,
}: {
  type: AddressType;
  onSaved: (address: Address) => void;
  onCancel: () => void;
}) {
  const { _ } = useLingui();
  const titleId = useId();
  const create = useCreateAddress();
  const heading = useRef<HTMLHeadingElement>(null);
  const formId = newAddressFormId(type);
  // A guest who just gave name and phone on the identity step is not asked again.
  const [initialValues] = useState(guestIdentityPrefill);
  // Nor for the TCKN they gave there.
  const [knownTckn] = useState(guestIdentityNumber);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      aria-labelledby={titleId}
      className="rounded-card border border-border bg-surface-raised p-4 shadow-card md:p-5"
    >
      <h3
        id={titleId}
        ref={heading}
        tabIndex={-1}
        className="mb-4 font-semibold text-text outline-none"
      >
        {type === "shipping" ? _("checkout.address.newShipping") : _("checkout.address.newBilling")}
      </h3>
      <AddressForm
        formId={formId}
        submitLabel={_("checkout.address.saveNew")}
        onSubmit={async (form) => {
          onSaved(await create.mutateAsync({ type, ...form }));
        }}
        onCancel={() => {
          clearDraft(formId);
          onCancel();
        }}
        defaultInvoiceType="individual"
        initialValues={initialValues}
        {...(knownTckn ? { knownTckn } : {})}
      />
    </section>
  );
}
