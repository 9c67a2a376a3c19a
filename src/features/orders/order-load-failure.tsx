import { useLingui } from "@lingui/react";
import type { ReactNode } from "react";
import { Button } from "../../components/button-link";
import { EmptyState } from "../../components/empty-state";
import { AlertIcon, CompassIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { ApiProblem } from "../../lib/api";
import { GuestOrders } from "./guest-orders";

export interface OrderLoadFailureProps {
  error: unknown;
  /** The page's title, kept for a visitor without a customer session. */
  title: string;
  back: ReactNode;
  notFound: { title: string; body: string; actions: ReactNode };
  /** What failed, for any other error (with a retry). */
  errorBody: string;
  onRetry: () => void;
  retrying: boolean;
}

/** Why an order's page could not load: no customer (401), no such order (404), or a failure. */
export function OrderLoadFailure(props: OrderLoadFailureProps) {
  const { _ } = useLingui();
  const status = props.error instanceof ApiProblem ? props.error.status : 0;
  if (status === 401)
    return (
      <>
        <PageHeader title={props.title} before={props.back} />
        <GuestOrders />
      </>
    );
  const notFound = status === 404 || status === 400;
  return (
    <>
      <PageHeader
        title={notFound ? props.notFound.title : _("error.title")}
        hideTitle
        before={props.back}
      />
      {notFound ? (
        <EmptyState
          icon={<CompassIcon />}
          title={props.notFound.title}
          body={props.notFound.body}
          actions={props.notFound.actions}
        />
      ) : (
        <EmptyState
          icon={<AlertIcon />}
          title={_("error.title")}
          body={props.errorBody}
          actions={
            <Button onClick={props.onRetry} disabled={props.retrying}>
              {_("error.retry")}
            </Button>
          }
        />
      )}
    </>
  );
}
