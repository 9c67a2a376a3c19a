import { useLingui } from "@lingui/react";
import { ButtonLink } from "../../components/button-link";
import { EmptyState } from "../../components/empty-state";
import { LockIcon } from "../../components/icons";

/**
 * A visitor without a customer has no orders in this visit; an earlier order (a guest checkout
 * in another visit) is found by its code and e-mail.
 */
export function GuestOrders() {
  const { _ } = useLingui();
  return (
    <EmptyState
      icon={<LockIcon />}
      title={_("orders.empty.title")}
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
