import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { listCategories } from "../../contract/api/catalog.ts";
import { apiOperations } from "../../contract/api/index.ts";
import { getBasket } from "../../contract/api/basket.ts";
import { apiRoutes } from "../app.ts";
import type { AppDeps, AppEnv } from "../deps.ts";
import { apiClient, useTestProxy } from "./api-test-client.ts";
import { handle, openApiDocument, registerRoutes } from "./registry.ts";

const proxy = useTestProxy();

describe("handlers by operation", () => {
  it("the proxy has one handler for every operation of the contract's table, and no other", () => {
    const handled = apiRoutes(proxy().deps).map((r) => r.operation);
    expect(new Set(handled)).toEqual(new Set(apiOperations));
    expect(handled).toHaveLength(apiOperations.length);
  });

  it("refuses to start with an operation of the table left without a handler", () => {
    const app = new Hono<AppEnv>();
    const deps = {} as AppDeps;
    const one = handle(getBasket, { handler: () => Promise.resolve(new Response(null)) });
    expect(() => registerRoutes(app, deps, [one], [getBasket, listCategories])).toThrow(
      /without a handler: listCategories/,
    );
    expect(() => registerRoutes(app, deps, [one, one], [getBasket])).toThrow(/more than one/);
  });

  it("documents in OpenAPI exactly the table's operations", () => {
    const doc = openApiDocument(apiOperations, { title: "t", version: "1" });
    const documented = Object.values(doc.paths).flatMap((methods) =>
      Object.values(methods).map((o) => (o as { operationId: string }).operationId),
    );
    expect(documented.sort()).toEqual(apiOperations.map((o) => o.operationId).sort());
  });

  it("the typed test client calls an operation and parses its answer with the contract", async () => {
    const api = await apiClient(proxy(), null);
    const res = await api.send(getBasket);
    expect(res.status).toBe(200);
    expect(res.data?.items).toEqual([]);
  });
});
