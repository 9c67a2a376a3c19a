import { describe, expect, it } from "vitest";
import { orderStatusSchema } from "../../../contract/common";
import { isFinalStatus, orderRefetchInterval, statusFilterStatuses } from "./order-status";

describe("order status", () => {
  it("refreshes open orders and stops when final", () => {
    expect(orderRefetchInterval(undefined)).toBe(false);
    expect(orderRefetchInterval("payment_confirmed")).toBe(30_000);
    expect(orderRefetchInterval("shipped")).toBe(120_000);
    for (const status of ["completed", "cancelled", "refunded"] as const) {
      expect(isFinalStatus(status)).toBe(true);
      expect(orderRefetchInterval(status)).toBe(false);
    }
  });

  it("every status is under exactly one customer filter", () => {
    const covered = Object.values(statusFilterStatuses).flat();
    expect([...covered].sort()).toEqual([...orderStatusSchema.options].sort());
  });
});
