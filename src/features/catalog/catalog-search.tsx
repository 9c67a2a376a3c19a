import { useLingui } from "@lingui/react";
import { useId, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { SEARCH_MAX_LENGTH } from "../../../contract/search";
import { Button } from "../../components/button-link";
import { Icon, type IconProps } from "../../components/icon";
import { SearchIcon } from "../../components/icons";
import { catalogSearchString, type CatalogSearch } from "./catalog-queries";

function ClearIcon(props: IconProps) {
  return (
    <Icon strokeWidth={2} {...props}>
      <path d="M6 6l12 12M18 6 6 18" />
    </Icon>
  );
}

/**
 * Search by name: a real GET form (`/?q=…`, so a search is a link), keeping the sort and starting
 * a new question (filters and page reset). The clear button empties the field and the URL.
 */
export function SearchForm({ search }: { search: CatalogSearch }) {
  const { _ } = useLingui();
  const navigate = useNavigate();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(search.q ?? "");
  // The field follows the URL (Back, a chip, a shared link) unless the customer is typing.
  const [shown, setShown] = useState(search.q);
  if (shown !== search.q) {
    setShown(search.q);
    setValue(search.q ?? "");
  }
  const go = (q: string) =>
    navigate(catalogSearchString({ q: q.trim() || undefined, sort: search.sort, page: 1 }) || "/", {
      preventScrollReset: true,
    });
  return (
    <form
      role="search"
      method="get"
      action="/"
      className="mb-3 flex gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        input.current?.blur();
        void go(value);
      }}
    >
      <label htmlFor={id} className="sr-only">
        {_("catalog.search.label")}
      </label>
      <div className="relative min-w-0 flex-1">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-text-muted" />
        <input
          ref={input}
          id={id}
          type="search"
          name="q"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          maxLength={SEARCH_MAX_LENGTH}
          enterKeyHint="search"
          autoComplete="off"
          spellCheck={false}
          placeholder={_("catalog.search.placeholder")}
          className="min-h-12 w-full appearance-none rounded-control border border-border-strong bg-surface-raised pr-12 pl-10 text-base text-text placeholder:text-text-muted [&::-webkit-search-cancel-button]:hidden"
        />
        {value ? (
          <button
            type="button"
            aria-label={_("catalog.search.clear")}
            className="absolute top-0 right-0 grid size-12 place-items-center rounded-control text-text-muted hover:text-text"
            onClick={() => {
              setValue("");
              input.current?.focus();
              if (search.q) void go("");
            }}
          >
            <ClearIcon className="size-5" />
          </button>
        ) : null}
      </div>
      {search.sort ? <input type="hidden" name="sort" value={search.sort} /> : null}
      <Button type="submit" className="shrink-0 px-4">
        {_("catalog.search.submit")}
      </Button>
    </form>
  );
}
