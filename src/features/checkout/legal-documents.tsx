import { useLingui } from "@lingui/react";
import { useIsMutating, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type Ref } from "react";
import {
  allAccepted,
  isAccepted,
  type LegalAcceptance,
  type LegalDocument,
  type LegalDocuments as LegalDocumentsData,
  type LegalType,
} from "../../../contract/checkout";
import { Button } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { Skeleton } from "../../components/skeleton";
import { msg } from "../../i18n/i18n";
import { ApiProblem } from "../../lib/api";
import { recordLegalAcceptance } from "./checkout-api";
import { checkoutKeys, legalDocumentsQueryOptions } from "./checkout-queries";

const acceptLabels: Record<LegalType, string> = {
  pre_information: msg("checkout.legal.accept.preInformation"),
  distance_sales: msg("checkout.legal.accept.distanceSales"),
};

/**
 * The documents' own headings start at h1; inside the page they sit under the document's h3,
 * so each is moved down three levels (h1 → h4 …, at most h6). The HTML was sanitised by the
 * proxy (no scripts, styles, frames, handlers or javascript: links).
 */
export function nestHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-6])\b/gi, (_match, slash: string, level: string) => {
    return `<${slash}h${String(Math.min(6, Number(level) + 3))}`;
  });
}

/** Readable legal prose on a phone: sizes, spacing, lists and tables that scroll sideways. */
const proseClasses = cn(
  "space-y-3 text-sm leading-relaxed text-text",
  "[&_h4]:text-base [&_h4]:font-semibold [&_h5]:mt-4 [&_h5]:font-semibold [&_h6]:font-semibold",
  "[&_ul]:list-disc [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:pl-5 [&_li]:mt-1",
  "[&_table]:w-full [&_table]:border-collapse [&_table]:text-xs [&_td]:border [&_td]:border-border [&_td]:p-1.5 [&_th]:border [&_th]:border-border [&_th]:bg-surface-sunken [&_th]:p-1.5 [&_th]:text-left",
  "[&_dl]:grid [&_dl]:grid-cols-[auto_1fr] [&_dl]:gap-x-3 [&_dt]:text-text-muted",
  "[&_a]:text-primary [&_a]:underline [&_.meta]:text-xs [&_.meta]:text-text-muted",
);

/**
 * A tick (or untick) of one document, recorded by the proxy. Ticks are sent one after another
 * (one mutation scope), so a quick untick never lands before its tick. On success the recorded
 * acceptances replace the cached ones; a read of the documents that was under way is cancelled
 * and made again afterwards, so it cannot bring back the acceptances from before the tick.
 */
const RECORD_ACCEPTANCE = ["checkout", "legal-acceptance"] as const;

/** True while a tick is on its way to the proxy (the step waits for it before going on). */
export function useRecordingAcceptance(): boolean {
  return useIsMutating({ mutationKey: RECORD_ACCEPTANCE }) > 0;
}

function useRecordAcceptance(doc: LegalDocument) {
  const queryClient = useQueryClient();
  const queryKey = checkoutKeys.legal();
  return useMutation({
    mutationKey: RECORD_ACCEPTANCE,
    scope: { id: RECORD_ACCEPTANCE.join(":") },
    mutationFn: (accepted: boolean) =>
      recordLegalAcceptance({ documents: [{ type: doc.type, version: doc.version }], accepted }),
    onMutate: async () => {
      const reading = queryClient.isFetching({ queryKey }) > 0;
      await queryClient.cancelQueries({ queryKey });
      return { reading };
    },
    onSuccess: ({ acceptances }) => {
      queryClient.setQueryData(queryKey, (old) => old && { ...old, acceptances });
    },
    onSettled: (_data, error, _accepted, context) => {
      // A document that changed meanwhile is shown again, in its new version.
      const changed = error instanceof ApiProblem && error.errors.documents !== undefined;
      if (context?.reading || changed) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

function LegalDocumentCard({
  doc,
  accepted,
  earlier,
  error,
  checkboxRef,
}: {
  doc: LegalDocument;
  accepted: boolean;
  /** The customer's acceptance of an older version of this document (no longer counts). */
  earlier: LegalAcceptance | undefined;
  error: string | undefined;
  checkboxRef?: Ref<HTMLInputElement> | undefined;
}) {
  const { _ } = useLingui();
  const titleId = useId();
  const errorId = useId();
  const noteId = useId();
  const record = useRecordAcceptance(doc);
  // While the proxy records it the box shows the customer's choice (from the click on: the
  // mutation's own state arrives a tick later); then what was recorded.
  const [intent, setIntent] = useState<boolean | null>(null);
  const taps = useRef(0);
  const checked = intent ?? accepted;
  const refused = record.error instanceof ApiProblem ? record.error.errors.documents : undefined;
  const failure = record.isError
    ? refused
      ? refused.join(" ")
      : _("checkout.legal.saveError")
    : undefined;
  const message = failure ?? error;
  const note =
    earlier && !checked ? _("checkout.legal.changed", { version: earlier.version }) : null;
  const describedBy = [note ? noteId : null, message ? errorId : null].filter(Boolean).join(" ");
  return (
    <section
      aria-labelledby={titleId}
      className="rounded-card border border-border bg-surface-raised p-4 shadow-card md:p-5"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h3 id={titleId} className="font-semibold text-text">
          {doc.title}
        </h3>
        <p className="text-xs text-text-muted">
          {_("checkout.legal.version", { version: doc.version })}
        </p>
      </div>
      {/* Expands in place: the page is the only thing that scrolls (no box inside it). */}
      <details className="group mt-2">
        <summary className="-ml-1 flex min-h-12 cursor-pointer items-center gap-2 rounded-control px-1 font-medium text-primary">
          <span className="group-open:hidden">{_("checkout.legal.open")}</span>
          <span className="hidden group-open:inline">{_("checkout.legal.close")}</span>
        </summary>
        <div
          role="region"
          aria-label={_("checkout.legal.text", { title: doc.title })}
          className="mt-2 rounded-control border border-border bg-surface p-3"
        >
          <div
            className={proseClasses}
            dangerouslySetInnerHTML={{ __html: nestHeadings(doc.html) }}
          />
        </div>
      </details>
      {note ? (
        <p id={noteId} className="mt-3 text-sm font-medium text-text">
          {note}
        </p>
      ) : null}
      <label className="mt-3 flex min-h-12 cursor-pointer items-start gap-3 rounded-control py-2">
        <input
          ref={checkboxRef}
          type="checkbox"
          checked={checked}
          onChange={(event) => {
            const tap = ++taps.current;
            setIntent(event.target.checked);
            record.mutate(event.target.checked, {
              onSettled: () => {
                if (taps.current === tap) setIntent(null);
              },
            });
          }}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy || undefined}
          className="mt-0.5 size-6 shrink-0 accent-primary"
        />
        <span className="text-text">{_(acceptLabels[doc.type])}</span>
      </label>
      {message ? (
        <p
          id={errorId}
          role={failure ? "alert" : undefined}
          className="mt-1 text-sm font-medium text-danger"
        >
          {message}
        </p>
      ) : null}
    </section>
  );
}

/**
 * Which documents are accepted in their current versions, as the proxy recorded them (read with
 * the documents, so a reload keeps them).
 */
export function useAcceptedDocuments(legal: LegalDocumentsData | undefined) {
  const acceptances = legal?.acceptances ?? [];
  const accepted = (doc: LegalDocument) => isAccepted(acceptances, doc);
  return {
    accepted,
    allAccepted: legal !== undefined && allAccepted(legal),
    /** The documents the customer confirms when paying. */
    confirmed: (legal?.documents ?? []).filter(accepted).map((d) => ({ type: d.type })),
    /** An acceptance of an older version of `doc`, when that is all there is. */
    earlier: (doc: LegalDocument) =>
      accepted(doc) ? undefined : acceptances.find((a) => a.type === doc.type),
  };
}

/**
 * The pre-information form and the distance sales contract, each in full under its heading
 * (opened in place), each with its own explicit acceptance (recorded by the proxy with
 * upstream's version of the document and the proxy's time of the tick).
 */
export function LegalDocuments({
  showErrors,
  firstInvalidRef,
}: {
  showErrors: boolean;
  firstInvalidRef: Ref<HTMLInputElement>;
}) {
  const { _ } = useLingui();
  const legal = useQuery(legalDocumentsQueryOptions());
  const documents = legal.data?.documents;
  const { accepted, earlier } = useAcceptedDocuments(legal.data);

  if (!documents) {
    if (legal.isError)
      return (
        <div role="alert" className="rounded-card border border-danger/40 bg-surface-raised p-4">
          <p className="text-text">{_("checkout.legal.error")}</p>
          <Button
            variant="secondary"
            className="mt-3"
            onClick={() => void legal.refetch()}
            disabled={legal.isFetching}
          >
            {_("error.retry")}
          </Button>
        </div>
      );
    return (
      <div role="status" aria-label={_("checkout.legal.loading")} className="space-y-3">
        <Skeleton className="h-64 rounded-card" />
        <Skeleton className="h-64 rounded-card" />
      </div>
    );
  }

  const firstMissing = documents.find((d) => !accepted(d));
  return (
    <div className="space-y-4">
      {documents.map((doc) => (
        <LegalDocumentCard
          key={doc.type}
          doc={doc}
          accepted={accepted(doc)}
          earlier={earlier(doc)}
          error={showErrors && !accepted(doc) ? _("checkout.legal.required") : undefined}
          checkboxRef={doc === firstMissing ? firstInvalidRef : undefined}
        />
      ))}
    </div>
  );
}
