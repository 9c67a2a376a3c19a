import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "./server.ts";
import { curl, startTestSandbox } from "./test-support.ts";

/**
 * Every row of the endpoint map (minted-api.md Part 1) is routed: an authenticated call with
 * empty input reaches its handler (a 2xx, a validation 422, or the handler's own 403/404) and
 * never the router's "no such path" 404.
 */
const DIGEST_ROWS: [string, string][] = [
  ["POST", "/partner/customer"],
  ["GET", "/partner/customer/DEMO-IND-001"],
  ["PATCH", "/partner/customer/DEMO-IND-001"],
  ["DELETE", "/partner/customer/NO-SUCH-CUSTOMER"],
  ["POST", "/partner/customer/address"],
  ["GET", "/partner/customer/address?external_customer_id=DEMO-IND-001"],
  ["DELETE", "/partner/customer/address/1931"],
  ["GET", "/partner/ecom/products?page=1&total=5"],
  ["GET", "/partner/ecom/product?sku=GAU"],
  ["GET", "/partner/ecom/categories"],
  ["GET", "/partner/ecom/prices"],
  ["GET", "/partner/ecom/basket?external_customer_id=DEMO-IND-001"],
  ["GET", "/partner/ecom/baskets?customer_external_id=DEMO-IND-001"],
  ["POST", "/partner/ecom/basket"],
  ["PATCH", "/partner/ecom/basket"],
  ["DELETE", "/partner/ecom/basket"],
  ["DELETE", "/partner/ecom/basket/empty"],
  ["PATCH", "/partner/ecom/basket/setaddress"],
  ["GET", "/partner/ecom/payment/types"],
  ["PUT", "/partner/ecom/basket/complete"],
  ["POST", "/partner/ecom/getorder"],
  ["GET", "/partner/ecom/orders"],
  ["GET", "/partner/ecom/legal/types"],
  ["POST", "/partner/legal"],
  ["POST", "/partner/pricefix"],
  ["POST", "/partner/order/digital/buy"],
  ["POST", "/partner/order/digital/sell"],
  ["GET", "/partner/order/NO-SUCH-ORDER"],
  ["POST", "/partner/order"],
  ["GET", "/partner/order/NO-SUCH-ORDER/invoice"],
  ["GET", "/partner/balance/customer/DEMO-IND-001"],
  ["GET", "/partner/order/statuses"],
  ["GET", "/partner/walletable/products"],
  ["GET", "/partner/walletable/basket?external_customer_id=DEMO-IND-001&type=buy"],
  ["POST", "/partner/walletable/basket"],
  ["PATCH", "/partner/walletable/basket"],
  ["DELETE", "/partner/walletable/basket"],
  ["DELETE", "/partner/walletable/basket/empty"],
  ["POST", "/partner/walletable/complete/buy"],
  ["POST", "/partner/walletable/complete/sell"],
  ["POST", "/partner/walletable/complete/delivery"],
  ["GET", "/partner/walletable/orders"],
  ["GET", "/partner/walletable/orders/999999/receipt"],
  ["GET", "/partner/walletable/balance?external_customer_id=DEMO-IND-001"],
  ["GET", "/partner/walletable/currency-rates"],
  ["GET", "/partner/walletable/rate-history?sku=GAU&period=1d"],
  ["POST", "/partner/ecom/token"],
];

const BEARER_ROWS: [string, string][] = [
  ["GET", "/partner/ecom/getActiveBasket"],
  ["POST", "/partner/ecom/complete"],
  ["GET", "/partner/ecom/orders"],
];

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

  it.each(DIGEST_ROWS)("%s %s (Digest) reaches its handler", async (method, path) => {
    const res = await curl(sb.url, path, { method, ...(method === "GET" ? {} : { body: {} }) });
    expect(res.status, res.text).not.toBe(401);
    expect(res.status, res.text).toBeLessThan(500);
    expect(res.json?.message, res.text).not.toBe(ROUTER_404);
    expect(typeof res.json?.success).toBe("boolean");
  });

  it.each(BEARER_ROWS)("%s %s (Bearer) reaches its handler", async (method, path) => {
    const issued = await curl(sb.url, "/partner/ecom/token", {
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
    const ws = await curl(sb.url, "/partner/ecom/ws");
    expect(ws.status).toBe(426);
  });
});
