import { useLingui } from "@lingui/react";
import { ButtonLink } from "../../components/button-link";
import { EmptyState } from "../../components/empty-state";
import { WalletIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";

export function WalletPage() {
  const { _ } = useLingui();
  return (
    <>
      <PageHeader title={_("wallet.title")} />
      <EmptyState
        icon={<WalletIcon />}
        title={_("wallet.empty.title")}
        body={_("wallet.empty.body")}
        actions={<ButtonLink to="/">{_("wallet.empty.browse")}</ButtonLink>}
      />
    </>
  );
}
