import type { OrderStatus } from "../../../contract/common";
import { statusFilters, statusFilterStatuses, type StatusFilter } from "./order-status";

/** What the orders URL can say: `?status=shipped,completed&from=2026-01-01&to=2026-01-31&page=2`. */
export interface OrdersSearch {
  /** Selected filters, in the fixed order of `statusFilters`; empty means all. */
  statuses: StatusFilter[];
  /** Inclusive calendar days (YYYY-MM-DD, Istanbul time). */
  from?: string;
  to?: string;
  page: number;
}

/** A real calendar day between 2000 and 2100 (the date input's own range). */
export function isCalendarDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < 2000 || year > 2100) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Reads the orders page's search params. Anything that is not a known filter, a real date or a
 * sane page is ignored (a shared or hand-edited link never breaks the page); an end date before
 * the start date is dropped.
 */
export function parseOrdersSearch(params: URLSearchParams): OrdersSearch {
  const asked = new Set(
    params
      .getAll("status")
      .flatMap((value) => value.split(","))
      .map((value) => value.trim()),
  );
  const statuses = statusFilters.filter((filter) => asked.has(filter));
  const fromParam = params.get("from");
  const toParam = params.get("to");
  const from = isCalendarDate(fromParam) ? fromParam : undefined;
  let to = isCalendarDate(toParam) ? toParam : undefined;
  if (from !== undefined && to !== undefined && to < from) to = undefined;
  const page = Number(params.get("page") ?? "1");
  return {
    statuses,
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The search string of an orders state ("" for the default), canonical so links compare. */
export function ordersSearchString(search: OrdersSearch): string {
  const params = new URLSearchParams();
  const statuses = statusFilters.filter((filter) => search.statuses.includes(filter));
  if (statuses.length > 0) params.set("status", statuses.join(","));
  if (search.from) params.set("from", search.from);
  if (search.to) params.set("to", search.to);
  if (search.page > 1) params.set("page", String(search.page));
  const text = params.toString().replaceAll("%2C", ",");
  return text ? `?${text}` : "";
}

export function hasFilters(search: OrdersSearch): boolean {
  return search.statuses.length > 0 || search.from !== undefined || search.to !== undefined;
}

/** The upstream statuses the selected filters stand for (none: no status filter). */
export function apiStatuses(filters: readonly StatusFilter[]): OrderStatus[] {
  return filters.flatMap((filter) => statusFilterStatuses[filter]);
}

/** Adds or removes one status filter; back to the first page. */
export function toggleStatus(search: OrdersSearch, filter: StatusFilter): OrdersSearch {
  const statuses = search.statuses.includes(filter)
    ? search.statuses.filter((s) => s !== filter)
    : statusFilters.filter((s) => s === filter || search.statuses.includes(s));
  return { ...search, statuses, page: 1 };
}
