import { useLingui } from "@lingui/react";
import { ButtonLink } from "../../components/button-link";
import { EmptyState } from "../../components/empty-state";
import { WalletIcon } from "../../components/icons";

/**
 * A visitor without a customer. The wallet belongs to the partner app's signed-in customer and
 * the shop has no sign-in of its own, so the page says where the wallet is and offers what a
 * guest can do here: shop, and find an order's receipt.
 */
export function SignedOutWallet() {
  const { _ } = useLingui();
  return (
    <EmptyState
      icon={<WalletIcon />}
      title={_("wallet.guest.title")}
      body={
        <>
          {_("wallet.guest.body")}
          <span className="mt-2 block">{_("wallet.guest.canDo")}</span>
        </>
      }
      actions={
        <>
          <ButtonLink to="/">{_("basket.empty.browse")}</ButtonLink>
          <ButtonLink to="/receipt-lookup" variant="secondary">
            {_("wallet.guest.lookup")}
          </ButtonLink>
        </>
      }
    />
  );
}
