import { useLingui } from "@lingui/react";
import { ButtonLink } from "../../components/button-link";
import { EmptyState } from "../../components/empty-state";
import { BagIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";

export function BasketPage() {
  const { _ } = useLingui();
  return (
    <>
      <PageHeader title={_("basket.title")} />
      <EmptyState
        icon={<BagIcon />}
        title={_("basket.empty.title")}
        body={_("basket.empty.body")}
        actions={<ButtonLink to="/">{_("basket.empty.browse")}</ButtonLink>}
      />
    </>
  );
}
