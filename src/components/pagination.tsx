import { Link } from "react-router";
import { cn } from "./class-names";
import { pageWindow } from "./page-window";

export interface PaginationProps {
  page: number;
  totalPages: number;
  /** The link to a page (keeps the page's other search params). */
  to: (page: number) => string;
  labels: {
    /** The navigation landmark's name. */
    nav: string;
    page: (page: number) => string;
    previous: string;
    next: string;
  };
}

const edge =
  "inline-flex min-h-12 items-center rounded-control px-3 font-medium text-primary hover:bg-primary-soft";

/** Page links (1 … 5 6 7 … 12) with previous and next, as real links so Back works. */
export function Pagination({ page: current, totalPages, to, labels }: PaginationProps) {
  if (totalPages <= 1) return null;
  return (
    <nav aria-label={labels.nav} className="mt-6 flex flex-wrap items-center justify-center gap-1">
      {current > 1 ? (
        <Link to={to(current - 1)} className={edge}>
          {labels.previous}
        </Link>
      ) : null}
      <ul className="flex gap-1">
        {pageWindow(current, totalPages).map((page, index) =>
          page === null ? (
            <li
              key={`gap-${String(index)}`}
              aria-hidden="true"
              className="grid w-6 place-items-center text-text-muted"
            >
              …
            </li>
          ) : (
            <li key={page}>
              <Link
                to={to(page)}
                aria-label={labels.page(page)}
                aria-current={page === current ? "page" : undefined}
                className={cn(
                  "grid size-12 place-items-center rounded-control price font-semibold",
                  page === current
                    ? "bg-primary text-primary-contrast"
                    : "text-text hover:bg-surface-sunken",
                )}
              >
                {page}
              </Link>
            </li>
          ),
        )}
      </ul>
      {current < totalPages ? (
        <Link to={to(current + 1)} className={edge}>
          {labels.next}
        </Link>
      ) : null}
    </nav>
  );
}
