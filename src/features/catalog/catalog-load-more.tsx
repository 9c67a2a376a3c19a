import { useLingui } from "@lingui/react";
import { useEffect, useRef, useState, type RefObject } from "react";
import { Button } from "../../components/button-link";
import { SpinnerIcon } from "../../components/icons";

interface LoadMoreProps {
  /** The list the next page is appended to (its first new product gets the focus). */
  list: RefObject<HTMLUListElement | null>;
  shown: number;
  total: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  /** Resolves once the next page is in (or failed). */
  fetchNextPage: () => Promise<{
    isError: boolean;
    data?: { pages: readonly { items: readonly unknown[] }[] } | undefined;
  }>;
}

/**
 * Phones: "load more" appends the next page instead of page links. Focus moves to the first
 * product added (the button may be gone), and a status line says how many were added.
 */
export function LoadMore({
  list,
  shown,
  total,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
}: LoadMoreProps) {
  const { _ } = useLingui();
  const [status, setStatus] = useState("");
  const focusAt = useRef<number | null>(null);

  useEffect(() => {
    const index = focusAt.current;
    if (index === null || shown <= index) return;
    focusAt.current = null;
    list.current?.children.item(index)?.querySelector("a")?.focus();
  }, [shown, list]);

  const load = async () => {
    if (isFetchingNextPage) return;
    const before = shown;
    focusAt.current = before;
    const result = await fetchNextPage();
    if (result.isError) {
      focusAt.current = null;
      setStatus(_("catalog.loadMore.failed"));
      return;
    }
    const after = result.data?.pages.reduce((n, page) => n + page.items.length, 0) ?? before;
    setStatus(_("catalog.loadMore.added", { count: after - before, shown: after, total }));
  };

  return (
    <div className="mt-4 flex flex-col items-center gap-2 sm:hidden">
      {hasNextPage ? (
        <Button
          variant="secondary"
          className="w-full"
          aria-busy={isFetchingNextPage}
          onClick={() => void load()}
        >
          {isFetchingNextPage ? <SpinnerIcon /> : null}
          {_("catalog.loadMore.button")}
          <span className="price text-sm font-medium text-text-muted">
            {_("catalog.loadMore.progress", { shown, total })}
          </span>
        </Button>
      ) : null}
      <p role="status" className="text-sm text-text-muted empty:hidden">
        {status}
      </p>
    </div>
  );
}
