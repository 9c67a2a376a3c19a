import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cardOrder, GOLD_1G, IND, resetPinned } from "../sandbox/ecom-test-support.ts";
import type { RunningSandbox } from "../sandbox/server.ts";
import { curl, startTestSandbox } from "../sandbox/test-support.ts";
import { proxyEnvSchema } from "../server/env.ts";
import type { SmokeOptions } from "./smoke-minted-plan.ts";
import { runSmoke } from "./smoke-minted.ts";
import { controlClient } from "../sandbox/control-client.ts";

const DIGITAL_ORDER = "SMOKE-DIGITAL-1";
const PASSWORD = "demo-secret";

let sandbox: RunningSandbox;

/** The e-commerce, walletable and digital orders a staging account would have. */
async function placeOrders(): Promise<void> {
  const { order } = await cardOrder(sandbox.url, [[GOLD_1G, 1]]);
  expect(order.status, order.text).toBe(200);

  const basket = await curl(sandbox.url, "/partner/walletable/basket", {
    method: "POST",
    body: { external_customer_id: IND, type: "buy", sku: GOLD_1G, qty: 1 },
  });
  expect(basket.status, basket.text).toBe(200);
  const bought = await curl(sandbox.url, "/partner/walletable/complete/buy", {
    method: "POST",
    body: { external_customer_id: IND, cart_token: basket.json.data.token },
  });
  expect(bought.status, bought.text).toBe(200);

  const fix = await curl(sandbox.url, "/partner/pricefix", {
    method: "POST",
    body: { type: "digital", customer_external_id: IND, currency: "TRY" },
  });
  const digital = await curl(sandbox.url, "/partner/order/digital/buy", {
    method: "POST",
    body: {
      price_token: fix.json.data.token,
      external_id: DIGITAL_ORDER,
      currency_code: "TRY",
      customer: {
        external_id: IND,
        identity_number: "10000000146",
        firstname: "Ayşe",
        lastname: "Yılmaz",
        email: "ayse.yilmaz@example.com",
        phone: "+905321112233",
      },
      items: [{ sku: "GAU", amount: 1 }],
    },
  });
  expect(digital.status, digital.text).toBe(200);
}

async function smoke(
  options: Partial<SmokeOptions>,
  fetchImpl?: typeof fetch,
): Promise<{ code: 0 | 1; lines: string[] }> {
  const lines: string[] = [];
  const code = await runSmoke({
    env: proxyEnvSchema.parse({
      NODE_ENV: "test",
      MINTED_API_URL: sandbox.url,
      MINTED_PASSWORD: PASSWORD,
    }),
    options: { withBearer: false, ...options },
    print: (line) => lines.push(line),
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  return { code, lines };
}

const resultOf = (lines: string[], op: string) =>
  lines.find((line) => line.startsWith(`${op} `))?.replace(/^.*(documented|inferred) +/, "");

/** What the sandbox served since the log was cleared, as `METHOD /path`. */
async function served(): Promise<string[]> {
  const log = await controlClient(sandbox.url).requests.list();
  return log.map((r) => `${r.method} ${r.path}`);
}

// The check only reads, so one set of orders serves every test.
beforeAll(async () => {
  sandbox = await startTestSandbox();
  await resetPinned(sandbox.url);
  await placeOrders();
});
afterAll(() => sandbox.close());
beforeEach(() => controlClient(sandbox.url).requests.clear());

describe("npm run smoke:minted against the sandbox", () => {
  it("finds every read-only operation ok or skipped, and sends nothing but reads", async () => {
    const { code, lines } = await smoke({ customer: IND, order: DIGITAL_ORDER });
    expect(lines.at(-1)).toBe("24 ok, 0 differ, 0 failed, 3 skipped");
    expect(code).toBe(0);
    // The inputs were found in earlier answers: a SKU, a cart token, an order code, a receipt id.
    for (const op of ["product", "ecomOrderGet", "orderInvoice", "walletReceipt", "orderFind"])
      expect(resultOf(lines, op), op).toBe("ok");
    expect(resultOf(lines, "priceFeed")).toMatch(/^skipped \(a WebSocket/);
    expect(resultOf(lines, "webviewOrders")).toMatch(/^skipped \(needs --with-bearer/);

    const requests = await served();
    expect(requests.length).toBeGreaterThan(24);
    expect(requests.filter((r) => !r.startsWith("GET "))).toEqual([
      "POST /partner/ecom/getorder",
      "POST /partner/order",
    ]);
  });

  it("issues one Create Token for the Bearer reads only with --with-bearer", async () => {
    const { code, lines } = await smoke({ customer: IND, withBearer: true });
    expect(code).toBe(0);
    expect(resultOf(lines, "webviewActiveBasket")).toBe("ok");
    expect(resultOf(lines, "webviewOrders")).toBe("ok");
    const requests = await served();
    const writes = requests.filter(
      (r) => !r.startsWith("GET ") && r !== "POST /partner/ecom/getorder",
    );
    expect(writes).toEqual(["POST /partner/ecom/token"]);
    // Without --order the invoice is the e-commerce order's, by the code Get Orders gave.
    expect(resultOf(lines, "orderInvoice")).toBe("ok");
    expect(requests).toContainEqual(
      expect.stringMatching(/^GET \/partner\/order\/MC_\w+\/invoice$/),
    );
  });

  it("skips, never fails, what it has no input for", async () => {
    const { code, lines } = await smoke({});
    expect(code).toBe(0);
    expect(resultOf(lines, "customerGet")).toBe("skipped (needs --customer or SMOKE_CUSTOMER)");
    expect(resultOf(lines, "ecomOrders")).toBe("ok");
    expect(lines.at(-1)).toMatch(/^\d+ ok, 0 differ, 0 failed, \d+ skipped$/);
  });

  it("prints neither the upstream URL nor the credentials", async () => {
    const { lines } = await smoke({ customer: IND, order: DIGITAL_ORDER, withBearer: true });
    const { host } = new URL(sandbox.url);
    const output = lines.join("\n");
    for (const secret of [host, "127.0.0.1", PASSWORD, "demo-partner", "Digest "])
      expect(output).not.toContain(secret);
  });

  it("reports a customer Minted does not know as failed, with Minted's status", async () => {
    const { code, lines } = await smoke({ customer: "NO-SUCH-CUSTOMER" });
    expect(code).toBe(1);
    expect(resultOf(lines, "customerGet")).toMatch(/^failed \(rejected 404 “.+”\)$/);
  });
});

describe("a drifted answer", () => {
  /** The sandbox, its Products page with a `sku` missing, a number `name` and a text `total`. */
  const drifting: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const url = input instanceof Request ? input.url : input.toString();
    if (res.status !== 200 || new URL(url).pathname !== "/partner/ecom/products") return res;
    const json = await res.json();
    delete json.data.data[0].sku;
    json.data.data[1].name = 42;
    json.data.total = "many";
    return Response.json(json);
  };

  it("prints every differing path and exits non-zero", async () => {
    const { code, lines } = await smoke({ customer: IND }, drifting);
    expect(code).toBe(1);
    const at = lines.findIndex((line) => line.startsWith("products "));
    expect(lines[at]).toMatch(/documented +differs \(3\)$/);
    expect(lines.slice(at + 1, at + 4).sort()).toEqual([
      "    data.data.0.sku: expected string, received undefined",
      "    data.data.1.name: expected string, received number",
      "    data.total: expected number, received string",
    ]);
    // Discovery reads loosely: the second product's SKU still reaches Get Product.
    expect(resultOf(lines, "product")).toBe("ok");
    expect(lines.at(-1)).toMatch(/^\d+ ok, 1 differ, 0 failed, \d+ skipped$/);
  });
});
