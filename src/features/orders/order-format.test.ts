import { describe, expect, it } from "vitest";
import { formatCalendarDay, formatOrderTime, formatPercent } from "./order-format";

describe("order formats", () => {
  it("shows order times in Istanbul time", () => {
    expect(formatOrderTime("2026-11-22T21:30:00Z", "tr")).toBe("23 Kas 2026 00:30");
  });

  it("shows a calendar day as that day in every zone", () => {
    expect(formatCalendarDay("2026-11-24", "tr")).toBe("24 Kasım 2026");
    expect(formatCalendarDay("2026-11-24", "en")).toBe("24 November 2026");
  });

  it("writes rates the local way", () => {
    expect(formatPercent(0, "tr")).toBe("%0");
    expect(formatPercent(20, "tr")).toBe("%20");
    expect(formatPercent(20, "en")).toBe("20%");
  });
});
