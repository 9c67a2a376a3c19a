import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "./server.ts";
import { curl, startTestSandbox } from "./test-support.ts";

import {
  buildPath,
  MINTED_OPERATIONS,
  OPERATION_NAMES,
  type MintedOperation,
} from "../minted/operations.ts";
import { createSandboxApp, createSandboxContext } from "./app.ts";
import { sandboxEnvSchema } from "./env.ts";
import { handledOperations } from "./operations.ts";

/**
 * Every row of the Minted operation table (minted/operations.ts) has a sandbox handler, and an
 * authenticated call with empty input reaches it (a 2xx, a validation 422, or the handler's own
 * 403/404), never the router's "no such path" 404.
 */

/** Sample values for path parameters and the query some reads need to reach their handler. */
const SAMPLE_PARAMS = {
  external_customer_id: "DEMO-IND-001",
  external_order_id: "NO-SUCH-ORDER",
  id: "999999",
};
const SAMPLE_QUERY: Partial<Record<string, string>> = {
  products: "?page=1&total=5",
  product: "?sku=GAU",
  basketGet: "?external_customer_id=DEMO-IND-001",
  basketsIncomplete: "?customer_external_id=DEMO-IND-001",
  addressList: "?external_customer_id=DEMO-IND-001",
  walletBasketGet: "?external_customer_id=DEMO-IND-001&type=buy",
  walletBalance: "?external_customer_id=DEMO-IND-001",
  rateHistory: "?sku=GAU&period=1d",
};

const rows = OPERATION_NAMES.filter((name) => name !== "priceFeed").map((name) => {
  const row: MintedOperation = MINTED_OPERATIONS[name];
  // Removing the demo customer would take the Bearer rows' customer away.
  const params =
    name === "customerRemove" ? { external_customer_id: "NO-SUCH-CUSTOMER" } : SAMPLE_PARAMS;
  const path = buildPath(row.path, params) + (SAMPLE_QUERY[name] ?? "");
  return [name, row.method, path, row.auth] as const;
});
const DIGEST_ROWS = rows.filter((r) => r[3] === "digest");
const BEARER_ROWS = rows.filter((r) => r[3] === "bearer");

describe("the operation table", () => {
  it("has a sandbox handler for every operation", () => {
    const ctx = createSandboxContext(sandboxEnvSchema.parse({}), () => "http://sandbox.test");
    const handled = handledOperations(createSandboxApp(ctx));
    expect(OPERATION_NAMES.filter((name) => !handled.has(name))).toEqual([]);
  });

  it("names a doc page or a reason for every operation", () => {
    for (const name of OPERATION_NAMES) {
      const { source }: MintedOperation = MINTED_OPERATIONS[name];
      if ("documented" in source)
        for (const page of source.documented) expect(page, name).toMatch(/^api-\d+$/);
      else expect(source.inferred.length, name).toBeGreaterThan(10);
    }
  });
});

const ROUTER_404 = "Kaynak bulunamadı.";

describe("endpoint map", () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox();
  });
  afterAll(() => sb.close());

  it("the router itself answers 404 for a path that is not on the map", async () => {
    const res = await curl(sb.url, "/partner/ecom/nothing-here");
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(ROUTER_404);
  });

  it.each(DIGEST_ROWS)("%s: %s %s (Digest) reaches its handler", async (_, method, path) => {
    const res = await curl(sb.url, path, { method, ...(method === "GET" ? {} : { body: {} }) });
    expect(res.status, res.text).not.toBe(401);
    expect(res.status, res.text).toBeLessThan(500);
    expect(res.json?.message, res.text).not.toBe(ROUTER_404);
    expect(typeof res.json?.success).toBe("boolean");
  });

  it.each(BEARER_ROWS)("%s: %s %s (Bearer) reaches its handler", async (_, method, path) => {
    const issued = await curl(sb.url, MINTED_OPERATIONS.webviewToken.path, {
      method: "POST",
      body: { external_customer_id: "DEMO-IND-001" },
    });
    const bearer = String(issued.json.data.token);
    const res = await curl(sb.url, path, {
      method,
      auth: { bearer },
      ...(method === "GET" ? {} : { body: {} }),
    });
    expect(res.status, res.text).not.toBe(401);
    expect(res.status, res.text).toBeLessThan(500);
    expect(res.json?.message, res.text).not.toBe(ROUTER_404);
  });

  it("the 3-D Secure page and the WS feed are routed outside the JSON API", async () => {
    const pay = await fetch(`${sb.url}/pay/unknown-token`);
    expect(pay.headers.get("content-type")).toContain("text/html");
    const ws = await curl(sb.url, MINTED_OPERATIONS.priceFeed.path);
    expect(ws.status).toBe(426);
  });
});
