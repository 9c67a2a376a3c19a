import { describe, expect, it } from "vitest";
import { z } from "zod/mini";
import { getProductImage } from "./catalog.ts";
import { apiOperations } from "./index.ts";
import { defineOperation, operationUrl } from "./operation.ts";
import { listOrders } from "./orders.ts";
import { updateWalletBasketItem } from "./wallet.ts";

describe("the proxy API table", () => {
  it("names each operation once, and each method + path once", () => {
    const ids = apiOperations.map((o) => o.operationId);
    const routes = apiOperations.map((o) => `${o.method} ${o.path}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(routes).size).toBe(routes.length);
    expect(apiOperations.length).toBeGreaterThan(45);
  });

  it("declares a params schema with exactly the path's :names", () => {
    for (const operation of apiOperations) {
      const names = [...operation.path.matchAll(/:(\w+)/g)].map((m) => m[1]).sort();
      const shape = operation.params
        ? Object.keys((operation.params as unknown as { def: { shape: object } }).def.shape)
        : [];
      expect(shape.sort(), operation.operationId).toEqual(names);
    }
  });
});

describe("operationUrl", () => {
  it("fills path params encoded, from the table's path", () => {
    expect(operationUrl(getProductImage, { params: { sku: "a/b c", n: 1 } })).toBe(
      "/api/images/a%2Fb%20c/1",
    );
    expect(
      operationUrl(updateWalletBasketItem, { params: { type: "sell", sku: "MNTGB00010" } }),
    ).toBe("/api/wallet/baskets/sell/items/MNTGB00010");
  });

  it("appends the query's defined values in order, arrays as repeated keys", () => {
    expect(
      operationUrl(listOrders, {
        query: { status: "shipped,completed", from: undefined, page: 2, pageSize: 10 },
      }),
    ).toBe("/api/orders?status=shipped%2Ccompleted&page=2&pageSize=10");
    expect(operationUrl(listOrders, { query: { status: ["shipped", "completed"] } })).toBe(
      "/api/orders?status=shipped&status=completed",
    );
    expect(operationUrl(listOrders)).toBe("/api/orders");
  });

  it("refuses a missing path parameter instead of calling a wrong URL", () => {
    const op = defineOperation({
      method: "get",
      path: "/api/things/:id",
      operationId: "getThing",
      summary: "A thing",
      tag: "test",
      auth: "none",
      params: z.object({ id: z.string() }),
    });
    expect(() => operationUrl(op, { params: {} as { id: string } })).toThrow(/id/);
  });
});
