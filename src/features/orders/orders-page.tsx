import { useLingui } from "@lingui/react";
import { ButtonLink } from "../../components/button-link";
import { EmptyState } from "../../components/empty-state";
import { ReceiptIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";

export function OrdersPage() {
  const { _ } = useLingui();
  return (
    <>
      <PageHeader title={_("orders.title")} />
      <EmptyState
        icon={<ReceiptIcon />}
        title={_("orders.empty.title")}
        body={_("orders.empty.body")}
        actions={
          <>
            <ButtonLink to="/">{_("basket.empty.browse")}</ButtonLink>
            <ButtonLink to="/receipt-lookup" variant="quiet">
              {_("orders.findReceipt")}
            </ButtonLink>
          </>
        }
      />
    </>
  );
}
