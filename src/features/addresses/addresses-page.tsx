import { useLingui } from "@lingui/react";
import { EmptyState } from "../../components/empty-state";
import { MapPinIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";

export function AddressesPage() {
  const { _ } = useLingui();
  return (
    <>
      <PageHeader title={_("addresses.title")} />
      <EmptyState
        icon={<MapPinIcon />}
        title={_("addresses.empty.title")}
        body={_("addresses.empty.body")}
      />
    </>
  );
}
