import { useLingui } from "@lingui/react";
import { useEffect, type ReactNode } from "react";
import { cn } from "./class-names";

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** Visually hidden heading, still announced and focused after navigation. */
  hideTitle?: boolean;
  /** Content above the heading, such as a back link. */
  before?: ReactNode;
}

/**
 * The page's one <h1>. It also sets document.title; the layout moves focus to it after each
 * navigation (it is focusable with tabIndex=-1 for that reason).
 */
export function PageHeader({ title, description, hideTitle = false, before }: PageHeaderProps) {
  const { _ } = useLingui();
  const documentTitle = _("app.documentTitle", { title });

  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);

  return (
    <div className={cn(!hideTitle && "mb-6 md:mb-8")}>
      {before}
      <h1
        tabIndex={-1}
        className={cn(
          "text-2xl font-semibold tracking-tight text-text outline-none md:text-3xl",
          hideTitle && "sr-only",
        )}
      >
        {title}
      </h1>
      {description ? <p className="mt-2 max-w-prose text-text-muted">{description}</p> : null}
    </div>
  );
}
