import { Link } from "react-router";
import { ChevronLeftIcon } from "./icons";

/** A back link to the parent page, placed above the page heading. */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <Link
      to={to}
      className="mb-2 -ml-3 inline-flex min-h-12 items-center gap-1 rounded-control pr-3 pl-1 font-medium text-primary hover:bg-primary-soft"
    >
      <ChevronLeftIcon className="size-5" />
      {children}
    </Link>
  );
}
