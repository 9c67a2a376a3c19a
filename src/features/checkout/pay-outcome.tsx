import { useLingui } from "@lingui/react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { Button } from "../../components/button-link";
import { AlertIcon } from "../../components/icons";
import type { ApiProblem } from "../../lib/api";
import { checkoutKeys } from "./checkout-queries";
import { stepPath } from "./checkout-routing";
import type { Decline } from "./checkout-session";
import type { CompletionOutcome } from "./payment-attempt";

function problemText(problem: ApiProblem | null, fallback: string): string {
  if (!problem) return fallback;
  const fields = Object.values(problem.errors).flat();
  return fields.length > 0 ? fields.join(" ") : (problem.detail ?? fallback);
}

/** What the last payment attempt said, where the customer looks next: above the Pay button. */
export function OutcomeMessage({
  outcome,
  onRetry,
}: {
  outcome: CompletionOutcome;
  onRetry: () => void;
}) {
  const { _ } = useLingui();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLParagraphElement>(null);
  // The Pay button the customer tapped was disabled while sending: the focus comes to the answer.
  useEffect(() => {
    heading.current?.focus();
  }, [outcome]);
  let title: string;
  let body: string;
  let action = null;
  switch (outcome.kind) {
    case "unreachable":
      title = _("checkout.pay.unreachableTitle");
      body = _("checkout.pay.unreachableBody");
      action = (
        <Button className="mt-3 w-full" onClick={onRetry}>
          {_("checkout.pay.tryAgain")}
        </Button>
      );
      break;
    case "checking":
      title = _("checkout.pay.checkingTitle");
      body = _("checkout.pay.checkingBody");
      action = (
        <Button className="mt-3 w-full" onClick={onRetry}>
          {_("checkout.pay.checkAgain")}
        </Button>
      );
      break;
    case "refused": {
      title = _("checkout.pay.refusedTitle");
      body = problemText(outcome.problem, _("checkout.pay.refusedBody"));
      if (outcome.problem.errors.legalAcceptances)
        action = (
          <Link
            to={stepPath("review")}
            // The proxy's record is what counts: the review step reads it afresh.
            onClick={() => void queryClient.invalidateQueries({ queryKey: checkoutKeys.legal() })}
            className="mt-2 inline-flex min-h-12 items-center font-medium text-primary underline"
          >
            {_("checkout.pay.readAgain")}
          </Link>
        );
      break;
    }
    case "declined":
      title = _("checkout.pay.declinedTitle");
      body = _("checkout.pay.declinedBody");
      break;
    default:
      return null;
  }
  return (
    <div role="alert" className="rounded-card border border-danger/50 bg-surface-raised p-4">
      <p
        ref={heading}
        tabIndex={-1}
        className="flex items-center gap-2 font-semibold text-danger outline-none"
      >
        <AlertIcon className="size-5 shrink-0" />
        {title}
      </p>
      <p className="mt-1 text-text">{body}</p>
      {action}
    </div>
  );
}

/** The bank declined (or the payment never started): shown until the next tap. */
export function DeclineNotice({ decline }: { decline: Decline }) {
  const { _ } = useLingui();
  return (
    <div role="alert" className="rounded-card border border-danger/50 bg-surface-raised p-4">
      <p className="flex items-center gap-2 font-semibold text-danger">
        <AlertIcon className="size-5 shrink-0" />
        {decline.code === "not_completed"
          ? _("checkout.pay.notStartedTitle")
          : _("checkout.pay.bankDeclinedTitle")}
      </p>
      <p className="mt-1 text-text">
        {decline.code === "not_completed" && decline.reason
          ? decline.reason
          : decline.reason
            ? _("checkout.pay.bankDeclinedReason", { reason: decline.reason })
            : _("checkout.pay.bankDeclinedNoReason")}
      </p>
      <p className="mt-1 text-sm text-text-muted">{_("checkout.pay.bankDeclinedAgain")}</p>
    </div>
  );
}
