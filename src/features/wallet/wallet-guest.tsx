import { useLingui } from "@lingui/react";
import { ButtonLink } from "../../components/button-link";
import { EmptyState } from "../../components/empty-state";
import { LockIcon } from "../../components/icons";

/** A visitor without a customer: the wallet belongs to the partner app's signed-in customer. */
export function SignedOutWallet() {
  const { _ } = useLingui();
  return (
    <EmptyState
      icon={<LockIcon />}
      title={_("wallet.guest.title")}
      body={_("wallet.guest.body")}
      actions={<ButtonLink to="/">{_("basket.empty.browse")}</ButtonLink>}
    />
  );
}
