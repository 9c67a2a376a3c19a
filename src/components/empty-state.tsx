import { useId, type ReactNode } from "react";

interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  body: ReactNode;
  actions?: ReactNode;
}

/** The designed state for a page or list with nothing in it yet. */
export function EmptyState({ icon, title, body, actions }: EmptyStateProps) {
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      className="flex flex-col items-center rounded-card border border-border bg-surface-raised px-6 py-12 text-center shadow-card md:py-16"
    >
      <div className="grid size-16 place-items-center rounded-full bg-primary-soft text-primary [&>svg]:size-8">
        {icon}
      </div>
      <h2 id={titleId} className="mt-5 text-lg font-semibold text-text">
        {title}
      </h2>
      <p className="mt-2 max-w-sm text-text-muted">{body}</p>
      {actions ? (
        <div className="mt-7 flex w-full max-w-xs flex-col items-stretch gap-2">{actions}</div>
      ) : null}
    </section>
  );
}
