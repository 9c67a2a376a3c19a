import { useLingui } from "@lingui/react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { useParams } from "react-router";
import { MintedLogo } from "../../components/minted-logo";
import { Button, ButtonLink } from "../../components/button-link";
import { EmptyState } from "../../components/empty-state";
import { AlertIcon, ReceiptIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { formatDateTime } from "../../i18n/format";
import { isNotFound, isPaymentPending, isSignedOut, receiptQueryOptions } from "./receipt-queries";
import { ReceiptSheet, ReceiptSkeleton } from "./receipt-sheet";

/** On paper the shop's header is gone: the receipt names its issuer and when it was printed. */
function PrintHeading() {
  const { _, i18n } = useLingui();
  const [printedAt, setPrintedAt] = useState(() => Date.now());
  useEffect(() => {
    const update = () => setPrintedAt(Date.now());
    window.addEventListener("beforeprint", update);
    return () => window.removeEventListener("beforeprint", update);
  }, []);
  return (
    <div className="mb-4 hidden items-center justify-between gap-4 border-b border-border pb-3 text-sm text-text print:flex">
      <MintedLogo className="h-7 w-auto" />
      <span>{_("receipt.printedAt", { date: formatDateTime(printedAt, i18n.locale) })}</span>
    </div>
  );
}

export function ReceiptPage() {
  const { _ } = useLingui();
  const { code = "" } = useParams();
  const receipt = useQuery(receiptQueryOptions(code));
  const { data, error } = receipt;

  let content: ReactNode;
  if (data && isNotFound(error) && isPaymentPending(data)) {
    // It was waiting for the bank, and is a basket again: the payment was declined.
    content = (
      <EmptyState
        icon={<AlertIcon />}
        title={_("receipt.failed.title")}
        body={_("receipt.failed.body")}
        actions={<ButtonLink to="/checkout">{_("receipt.failed.action")}</ButtonLink>}
      />
    );
  } else if (data) {
    content = <ReceiptSheet receipt={data} />;
  } else if (isNotFound(error)) {
    content = (
      <EmptyState
        icon={<ReceiptIcon />}
        title={_("receipt.notFound.title")}
        body={_("receipt.notFound.body")}
        actions={
          <>
            <ButtonLink to="/orders">{_("receipt.notFound.orders")}</ButtonLink>
            <ButtonLink to="/" variant="quiet">
              {_("receipt.continue")}
            </ButtonLink>
          </>
        }
      />
    );
  } else if (isSignedOut(error)) {
    content = (
      <EmptyState
        icon={<ReceiptIcon />}
        title={_("receipt.signedOut.title")}
        body={_("receipt.signedOut.body")}
        actions={<ButtonLink to="/receipt-lookup">{_("receipt.signedOut.lookup")}</ButtonLink>}
      />
    );
  } else if (error) {
    content = (
      <EmptyState
        icon={<AlertIcon />}
        title={_("receipt.error.title")}
        body={_("receipt.error.body")}
        actions={
          <Button onClick={() => void receipt.refetch()} disabled={receipt.isFetching}>
            {_("error.retry")}
          </Button>
        }
      />
    );
  } else {
    content = <ReceiptSkeleton />;
  }

  return (
    <>
      <PrintHeading />
      <div className="mx-auto max-w-2xl print:max-w-none">
        <PageHeader title={_("receipt.title")} />
      </div>
      {content}
    </>
  );
}
