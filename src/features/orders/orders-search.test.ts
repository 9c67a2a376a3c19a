import { describe, expect, it } from "vitest";
import {
  apiStatuses,
  hasFilters,
  isCalendarDate,
  ordersSearchString,
  parseOrdersSearch,
  toggleStatus,
} from "./orders-search";

const parse = (query: string) => parseOrdersSearch(new URLSearchParams(query));

describe("orders search params", () => {
  it("reads the default state from an empty query", () => {
    expect(parse("")).toEqual({ statuses: [], page: 1 });
    expect(ordersSearchString(parse(""))).toBe("");
  });

  it("reads status filters, comma-separated or repeated, in a fixed order", () => {
    expect(parse("status=completed,shipped").statuses).toEqual(["shipped", "completed"]);
    expect(parse("status=cancelled&status=in_progress").statuses).toEqual([
      "in_progress",
      "cancelled",
    ]);
    expect(parse("status=shipped,shipped").statuses).toEqual(["shipped"]);
  });

  it("ignores what it does not know instead of failing", () => {
    expect(parse("status=lost,shipped,<script>&from=2024-13-01&to=yesterday&page=-3")).toEqual({
      statuses: ["shipped"],
      page: 1,
    });
    expect(parse("page=2.5").page).toBe(1);
    expect(parse("page=99999").page).toBe(1);
    expect(parse("page=abc").page).toBe(1);
    expect(parse("page=4").page).toBe(4);
  });

  it("keeps real calendar days only", () => {
    expect(isCalendarDate("2026-02-28")).toBe(true);
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-2-1")).toBe(false);
    expect(isCalendarDate("0002-01-01")).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });

  it("drops an end date before the start date", () => {
    expect(parse("from=2026-03-10&to=2026-03-01")).toEqual({
      statuses: [],
      from: "2026-03-10",
      page: 1,
    });
    expect(parse("from=2026-03-01&to=2026-03-01")).toMatchObject({
      from: "2026-03-01",
      to: "2026-03-01",
    });
  });

  it("writes a short canonical query that reads back the same", () => {
    const search = parse("page=2&to=2026-01-31&status=completed,shipped&from=2026-01-01&x=1");
    const text = ordersSearchString(search);
    expect(text).toBe("?status=shipped,completed&from=2026-01-01&to=2026-01-31&page=2");
    expect(parse(text.slice(1))).toEqual(search);
    expect(hasFilters(search)).toBe(true);
    expect(hasFilters(parse("page=3"))).toBe(false);
  });

  it("toggles a status filter and goes back to the first page", () => {
    const search = parse("status=completed&page=3");
    expect(toggleStatus(search, "shipped")).toEqual({
      statuses: ["shipped", "completed"],
      page: 1,
    });
    expect(toggleStatus(search, "completed")).toEqual({ statuses: [], page: 1 });
  });

  it("maps the customer's filters to Minted's statuses", () => {
    expect(apiStatuses([])).toEqual([]);
    expect(apiStatuses(["shipped", "cancelled"])).toEqual([
      "shipped",
      "cancelled",
      "refunding",
      "refunded",
    ]);
    expect(apiStatuses(["in_progress"])).toContain("payment_confirmed");
  });
});
