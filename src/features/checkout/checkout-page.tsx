import { useLingui } from "@lingui/react";
import { ButtonLink } from "../../components/button-link";
import { EmptyState } from "../../components/empty-state";
import { BagIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";

export function CheckoutPage() {
  const { _ } = useLingui();
  return (
    <>
      <PageHeader title={_("checkout.title")} />
      <EmptyState
        icon={<BagIcon />}
        title={_("checkout.empty.title")}
        body={_("checkout.empty.body")}
        actions={
          <>
            <ButtonLink to="/">{_("basket.empty.browse")}</ButtonLink>
            <ButtonLink to="/basket" variant="quiet">
              {_("checkout.empty.basket")}
            </ButtonLink>
          </>
        }
      />
    </>
  );
}
