import { useLingui } from "@lingui/react";
import { useId, useState } from "react";
import { useNavigate } from "react-router";
import { cn } from "../../components/class-names";
import { CheckIcon } from "../../components/action-icons";
import { statusFilterLabel, statusFilters } from "./order-status";
import {
  isCalendarDate,
  ordersSearchString,
  toggleStatus,
  type OrdersSearch,
} from "./orders-search";

/** The order history's filters: by status, and by the date the order was placed. */

/** A new history entry per filter change (Back undoes it), with the readable canonical query. */
function useSetSearch() {
  const navigate = useNavigate();
  return (next: OrdersSearch) =>
    void navigate({ search: ordersSearchString(next) }, { preventScrollReset: true });
}

export function StatusFilters({ search }: { search: OrdersSearch }) {
  const { _ } = useLingui();
  const setSearch = useSetSearch();
  return (
    <fieldset className="min-w-0">
      <legend className="sr-only">{_("orders.filter.status")}</legend>
      <ul className="flex flex-wrap gap-2">
        {statusFilters.map((filter) => {
          const checked = search.statuses.includes(filter);
          return (
            <li key={filter} className="shrink-0">
              <label
                className={cn(
                  "relative inline-flex min-h-12 cursor-pointer items-center gap-2 rounded-full border pr-4 pl-3 text-sm font-medium whitespace-nowrap transition-colors has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-primary",
                  checked
                    ? "border-primary bg-primary-soft text-primary"
                    : "border-border bg-surface-raised text-text hover:border-border-strong",
                )}
              >
                <input
                  type="checkbox"
                  name="status"
                  value={filter}
                  checked={checked}
                  onChange={() => setSearch(toggleStatus(search, filter))}
                  className="absolute inset-0 cursor-pointer appearance-none rounded-full outline-none"
                />
                <span
                  aria-hidden="true"
                  className={cn(
                    "grid size-5 place-items-center rounded-full border",
                    checked
                      ? "border-primary bg-primary text-primary-contrast"
                      : "border-border-strong",
                  )}
                >
                  {checked ? <CheckIcon className="size-3.5" strokeWidth={3} /> : null}
                </span>
                {_(statusFilterLabel[filter])}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/**
 * From / to days. A typed date goes to the URL only once it is a whole, real day (a year typed
 * digit by digit passes through 0002, 0020 …); an end before the start is explained, not sent.
 */
export function DateFilters({ search }: { search: OrdersSearch }) {
  const { _ } = useLingui();
  const setSearch = useSetSearch();
  const fromId = useId();
  const toId = useId();
  const errorId = useId();
  const [from, setFrom] = useState(search.from ?? "");
  const [to, setTo] = useState(search.to ?? "");
  // Back/forward or "clear filters" change the URL: the fields follow it.
  const [seen, setSeen] = useState({ from: search.from, to: search.to });
  if (seen.from !== search.from || seen.to !== search.to) {
    setSeen({ from: search.from, to: search.to });
    setFrom(search.from ?? "");
    setTo(search.to ?? "");
  }
  const reversed = isCalendarDate(from) && isCalendarDate(to) && to < from;

  const apply = (nextFrom: string, nextTo: string) => {
    const fromOk = nextFrom === "" || isCalendarDate(nextFrom);
    const toOk = nextTo === "" || isCalendarDate(nextTo);
    if (!fromOk || !toOk) return;
    if (nextFrom && nextTo && nextTo < nextFrom) return;
    if ((nextFrom || undefined) === search.from && (nextTo || undefined) === search.to) return;
    setSearch({
      statuses: search.statuses,
      ...(nextFrom ? { from: nextFrom } : {}),
      ...(nextTo ? { to: nextTo } : {}),
      page: 1,
    });
  };

  const field =
    "mt-1 block min-h-12 w-full min-w-0 rounded-control border bg-surface-raised px-3 text-base text-text focus:border-primary focus:outline-2 focus:outline-offset-0 focus:outline-primary";
  return (
    <fieldset className="min-w-0">
      <legend className="sr-only">{_("orders.filter.dates")}</legend>
      <div className="grid grid-cols-2 gap-3 md:max-w-md">
        <div className="min-w-0">
          <label htmlFor={fromId} className="text-sm font-medium text-text-muted">
            {_("orders.filter.from")}
          </label>
          <input
            id={fromId}
            type="date"
            name="from"
            min="2000-01-01"
            max={to || "2100-12-31"}
            value={from}
            onChange={(event) => {
              setFrom(event.target.value);
              apply(event.target.value, to);
            }}
            className={cn(field, "border-border-strong")}
          />
        </div>
        <div className="min-w-0">
          <label htmlFor={toId} className="text-sm font-medium text-text-muted">
            {_("orders.filter.to")}
          </label>
          <input
            id={toId}
            type="date"
            name="to"
            min={from || "2000-01-01"}
            max="2100-12-31"
            value={to}
            aria-invalid={reversed || undefined}
            aria-describedby={reversed ? errorId : undefined}
            onChange={(event) => {
              setTo(event.target.value);
              apply(from, event.target.value);
            }}
            className={cn(field, reversed ? "border-danger" : "border-border-strong")}
          />
        </div>
      </div>
      {reversed ? (
        <p id={errorId} className="mt-2 text-sm text-danger">
          {_("orders.filter.reversed")}
        </p>
      ) : null}
    </fieldset>
  );
}
