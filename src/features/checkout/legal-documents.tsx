import { useLingui } from "@lingui/react";
import { useQuery } from "@tanstack/react-query";
import { useId, type Ref } from "react";
import type { LegalDocument, LegalType } from "../../../contract/checkout";
import { Button } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { Skeleton } from "../../components/skeleton";
import { msg } from "../../i18n/i18n";
import { removeAcceptance, setAcceptance, useProgress } from "./checkout-session";
import { legalDocumentsQueryOptions } from "./checkout-queries";

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

function LegalDocumentCard({
  doc,
  accepted,
  error,
  checkboxRef,
}: {
  doc: LegalDocument;
  accepted: boolean;
  error: string | undefined;
  checkboxRef?: Ref<HTMLInputElement> | undefined;
}) {
  const { _ } = useLingui();
  const titleId = useId();
  const errorId = useId();
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
      <div
        role="region"
        aria-label={_("checkout.legal.text", { title: doc.title })}
        tabIndex={0}
        className="mt-3 max-h-[50dvh] overflow-auto overscroll-contain rounded-control border border-border bg-surface p-3"
      >
        <div
          className={proseClasses}
          dangerouslySetInnerHTML={{ __html: nestHeadings(doc.html) }}
        />
      </div>
      <label className="mt-3 flex min-h-12 cursor-pointer items-start gap-3 rounded-control py-2">
        <input
          ref={checkboxRef}
          type="checkbox"
          checked={accepted}
          onChange={(event) => {
            if (event.target.checked)
              setAcceptance({
                type: doc.type,
                version: doc.version,
                acceptedAt: new Date().toISOString(),
              });
            else removeAcceptance(doc.type);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="mt-0.5 size-6 shrink-0 accent-primary"
        />
        <span className="text-text">{_(acceptLabels[doc.type])}</span>
      </label>
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** Which documents are accepted in their current versions. */
export function useAcceptedDocuments(documents: readonly LegalDocument[] | undefined) {
  const { acceptances } = useProgress();
  const accepted = (doc: LegalDocument) =>
    acceptances.some((a) => a.type === doc.type && a.version === doc.version);
  return {
    accepted,
    allAccepted: documents !== undefined && documents.length > 0 && documents.every(accepted),
    acceptances: acceptances.filter((a) =>
      documents?.some((d) => d.type === a.type && d.version === a.version),
    ),
  };
}

/**
 * The pre-information form and the distance sales contract, each in full in a scrollable
 * region under its heading, each with its own explicit acceptance (recorded with the document's
 * version and the time of the tick).
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
  const { accepted } = useAcceptedDocuments(documents);

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
          error={showErrors && !accepted(doc) ? _("checkout.legal.required") : undefined}
          checkboxRef={doc === firstMissing ? firstInvalidRef : undefined}
        />
      ))}
    </div>
  );
}
