import { describe, expect, it } from "vitest";
import { MINTED_OPERATIONS, OPERATION_NAMES, type MintedOperation } from "../minted/operations.ts";
import { UpstreamError } from "../server/upstream/types.ts";
import {
  NOT_CALLED,
  READ_OPERATIONS,
  STEPS,
  checkData,
  describeFailure,
  formatResult,
  initialKnown,
  isReadOnly,
  smokeOptions,
  summarize,
  type Known,
  type ReadOperation,
  type Step,
} from "./smoke-minted-plan.ts";

const plan = (op: ReadOperation, known: Known) => {
  const step: Step<ReadOperation> = STEPS[op];
  return step.plan(known);
};
const CUSTOMER: Known = { customer: "C-1", withBearer: false };

describe("what the smoke check may call", () => {
  it("decides about every operation of the table exactly once", () => {
    const decided = [...READ_OPERATIONS, ...Object.keys(NOT_CALLED)];
    expect([...decided].sort()).toEqual([...OPERATION_NAMES].sort());
    expect(new Set(decided).size).toBe(decided.length);
  });

  it("calls only GETs and the two documented read-by-POST operations", () => {
    const methods = READ_OPERATIONS.map((op) => {
      const row: MintedOperation = MINTED_OPERATIONS[op];
      return `${row.method} ${op}`;
    });
    expect(methods.filter((m) => !m.startsWith("GET "))).toEqual([
      "POST ecomOrderGet",
      "POST orderFind",
    ]);
    expect(READ_OPERATIONS.every(isReadOnly)).toBe(true);
  });

  it("leaves Partner Legal and Create Token out, and Create Token behind --with-bearer", () => {
    expect(Object.keys(NOT_CALLED)).toEqual(
      expect.arrayContaining(["legalDocument", "webviewToken", "priceFix", "basketComplete"]),
    );
    for (const op of ["webviewActiveBasket", "webviewOrders"] as const) {
      expect(plan(op, CUSTOMER)).toEqual({ skip: expect.stringMatching(/--with-bearer/) });
      expect(plan(op, { ...CUSTOMER, withBearer: true })).toMatchObject({
        op,
        bearerCustomer: "C-1",
      });
    }
  });

  it("plans the call of each step with the operation's own name and a valid input", () => {
    const known: Known = {
      ...CUSTOMER,
      withBearer: true,
      sku: "S",
      cartToken: "T",
      orderCode: "MC_1",
      order: "O-1",
      walletOrderId: 7,
    };
    for (const op of READ_OPERATIONS) {
      const planned = plan(op, known);
      if ("skip" in planned) {
        expect(op).toBe("priceFeed");
        continue;
      }
      expect(planned.op).toBe(op);
      const row: MintedOperation = MINTED_OPERATIONS[op];
      expect(row.input.safeParse(planned.query ?? planned.body ?? {}).success, op).toBe(true);
    }
  });
});

describe("inputs from flags and earlier answers", () => {
  it("skips what needs a customer when none is given", () => {
    const known: Known = { withBearer: false };
    for (const op of ["customerGet", "addressList", "walletBalance", "ecomOrderGet"] as const)
      expect(plan(op, known), op).toEqual({ skip: expect.stringMatching(/--customer/) });
    expect(plan("ecomOrders", known)).toMatchObject({ query: { page: 1, total: 5 } });
  });

  it("takes the first product's SKU unless --sku was given", () => {
    const page = { data: [{ id: 1 }, { sku: "MNTGB00010" }, { sku: "OTHER" }] };
    expect(STEPS.products.learn(page, CUSTOMER)).toEqual({ sku: "MNTGB00010" });
    expect(STEPS.products.learn(page, { ...CUSTOMER, sku: "MINE" })).toEqual({});
    expect(STEPS.products.learn({ data: [] }, CUSTOMER)).toEqual({});
    expect(plan("product", CUSTOMER)).toEqual({ skip: expect.stringMatching(/no SKU/) });
  });

  it("takes the cart token and code of the customer's first e-commerce order", () => {
    const page = { data: [{ token: "TOKEN", increment_id: "MC_1", extra: true }] };
    const learned = STEPS.ecomOrders.learn(page, CUSTOMER);
    expect(learned).toEqual({ cartToken: "TOKEN", orderCode: "MC_1" });
    const known = { ...CUSTOMER, ...learned };
    expect(plan("ecomOrderGet", known)).toEqual({
      op: "ecomOrderGet",
      body: { customer_external_id: "C-1", cart_token: "TOKEN" },
    });
    expect(plan("orderInvoice", known)).toEqual({
      op: "orderInvoice",
      params: { external_order_id: "MC_1" },
    });
    expect(STEPS.ecomOrders.learn(page, { ...CUSTOMER, cartToken: "MINE" })).toMatchObject({
      cartToken: "MINE",
    });
    expect(plan("ecomOrderGet", CUSTOMER)).toEqual({ skip: expect.stringMatching(/cart-token/) });
  });

  it("takes a walletable order id for the receipt", () => {
    const learned = STEPS.walletOrders.learn({ data: [{ id: 42 }] }, CUSTOMER);
    expect(plan("walletReceipt", { ...CUSTOMER, ...learned })).toEqual({
      op: "walletReceipt",
      params: { id: 42 },
      query: { external_customer_id: "C-1" },
    });
    expect(plan("walletReceipt", CUSTOMER)).toEqual({ skip: expect.any(String) });
  });

  it("needs --order for the digital order reads", () => {
    expect(plan("orderGet", CUSTOMER)).toEqual({ skip: expect.stringMatching(/--order/) });
    expect(plan("orderFind", { ...CUSTOMER, order: "O-1" })).toEqual({
      op: "orderFind",
      body: { external_id: "O-1" },
    });
  });

  it("reads flags over the environment", () => {
    const options = smokeOptions(
      { customer: "FLAG", "with-bearer": undefined },
      { SMOKE_CUSTOMER: "ENV", SMOKE_SKU: " ", SMOKE_ORDER: "O-9", SMOKE_WITH_BEARER: "1" },
    );
    expect(options).toEqual({
      customer: "FLAG",
      sku: undefined,
      cartToken: undefined,
      order: "O-9",
      withBearer: true,
    });
    expect(initialKnown(options)).toEqual({ customer: "FLAG", order: "O-9", withBearer: true });
  });
});

describe("results", () => {
  it("lists every difference with its path, not only the first", () => {
    const result = checkData("currencyRates", [
      { code: "USD" },
      { code: 7, rate: "x", updated_at: 5 },
    ]);
    expect(result.kind).toBe("differs");
    if (result.kind !== "differs") return;
    expect(result.issues.length).toBeGreaterThan(2);
    expect(result.issues).toContain("data.1.code: expected string, received number");
    for (const issue of result.issues) expect(issue).toMatch(/^data\.\d\.\w+: /);
  });

  it("prints one line per operation and one per difference", () => {
    expect(formatResult("products", { kind: "ok" })).toEqual([
      expect.stringMatching(/^products +GET +\/partner\/ecom\/products +documented +ok$/),
    ]);
    expect(
      formatResult("ecomOrderGet", { kind: "differs", issues: ["data.a: x", "data.b: y"] }),
    ).toEqual([
      expect.stringMatching(
        /^ecomOrderGet +POST \/partner\/ecom\/getorder +documented +differs \(2\)$/,
      ),
      "    data.a: x",
      "    data.b: y",
    ]);
    expect(formatResult("prices", { kind: "skipped", reason: "why" })[0]).toMatch(
      /inferred +skipped \(why\)$/,
    );
  });

  it("sums up and exits 1 only when something differs or failed", () => {
    expect(summarize([{ kind: "ok" }, { kind: "skipped", reason: "" }])).toEqual({
      line: "1 ok, 0 differ, 0 failed, 1 skipped",
      exitCode: 0,
    });
    expect(summarize([{ kind: "ok" }, { kind: "failed", reason: "" }]).exitCode).toBe(1);
    expect(summarize([{ kind: "differs", issues: [] }]).line).toBe(
      "0 ok, 1 differ, 0 failed, 0 skipped",
    );
  });

  it("describes failures without the host", () => {
    const network = new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect ECONNREFUSED 10.1.2.3:443"), {
        code: "ECONNREFUSED",
      }),
    });
    const unavailable = new UpstreamError("unavailable", "prices", { cause: network });
    expect(describeFailure("prices", unavailable)).toBe("unavailable ECONNREFUSED");
    const refused = new UpstreamError("unavailable", "prices", { status: 401 });
    expect(describeFailure("prices", refused)).toBe("credentials refused (401)");
    const rejected = new UpstreamError("rejected", "customerGet", {
      status: 404,
      message: "Müşteri bulunamadı.",
    });
    expect(describeFailure("customerGet", rejected)).toBe("rejected 404 “Müşteri bulunamadı.”");
    const token = new UpstreamError("rejected", "webviewToken", { status: 403, message: "No" });
    expect(describeFailure("webviewOrders", token)).toBe("webviewToken: rejected 403 “No”");
    const invalid = new UpstreamError("invalid", "prices");
    expect(describeFailure("prices", invalid, "not JSON (status 200)")).toBe(
      "invalid not JSON (status 200)",
    );
  });
});
