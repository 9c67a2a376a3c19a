import { useLingui } from "@lingui/react";
import { EmptyState } from "../../components/empty-state";
import { LockIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { LeaveActions } from "./leave-actions";

/**
 * Where a session that ended lands: logged out here, on all devices, or by the partner app
 * (`session.end`). Nothing of the customer's is shown; the way on is back to the app (embedded)
 * or to the catalog as a guest.
 */
export function SignedOutPage() {
  const { _ } = useLingui();
  return (
    <>
      <PageHeader title={_("session.signedOut.title")} hideTitle />
      <EmptyState
        icon={<LockIcon />}
        title={_("session.signedOut.title")}
        body={_("session.signedOut.body")}
        actions={<LeaveActions />}
      />
    </>
  );
}
