import { useLingui } from "@lingui/react";
import { ButtonLink } from "../../components/button-link";
import { EmptyState } from "../../components/empty-state";
import { LockIcon } from "../../components/icons";

/** Guests have no order history here; a receipt can still be found by code and e-mail. */
export function GuestOrders() {
  const { _ } = useLingui();
  return (
    <EmptyState
      icon={<LockIcon />}
      title={_("orders.guest.title")}
      body={_("orders.guest.body")}
      actions={
        <>
          <ButtonLink to="/receipt-lookup">{_("orders.findReceipt")}</ButtonLink>
          <ButtonLink to="/" variant="quiet">
            {_("basket.empty.browse")}
          </ButtonLink>
        </>
      }
    />
  );
}
