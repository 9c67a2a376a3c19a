import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOCUMENTED_EXAMPLES, exampleData, type DocumentedExample } from "../minted/examples.ts";
import { MINTED_OPERATIONS, type OperationName } from "../minted/operations.ts";
import { IND, addItem, resetPinned } from "./ecom-test-support.ts";
import type { RunningSandbox } from "./server.ts";
import { curl, type CurlResult } from "./test-support.ts";

/**
 * The sandbox answers as Minted documents: for every operation with a documented answer
 * example, the sandbox's answer has every field of the example with the same JSON type, and
 * anything more only where the operation's row names it (`sandboxExtras`, each inferred).
 * A `null` in either answer matches any type: the docs print nulls for optional values.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const kindOf = (v: Json): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/** Where `actual` differs from `example`: `missing`, `type` and `extra` field paths. */
export function shapeDifferences(
  example: Json,
  actual: Json,
  path = "",
): { missing: string[]; type: string[]; extra: string[] } {
  const out = { missing: [] as string[], type: [] as string[], extra: [] as string[] };
  const merge = (d: typeof out) => {
    out.missing.push(...d.missing);
    out.type.push(...d.type);
    out.extra.push(...d.extra);
  };
  if (example === null || actual === null) return out;
  if (kindOf(example) !== kindOf(actual)) {
    out.type.push(`${path || "(root)"}: ${kindOf(example)} documented, ${kindOf(actual)} answered`);
    return out;
  }
  if (Array.isArray(example) && Array.isArray(actual)) {
    const [first] = example;
    if (first === undefined) return out;
    for (const item of actual) merge(shapeDifferences(first, item, `${path}[]`));
    return out;
  }
  if (typeof example === "object" && typeof actual === "object") {
    const ex = example as Record<string, Json>;
    const ac = actual as Record<string, Json>;
    const at = (k: string) => (path ? `${path}.${k}` : k);
    for (const key of Object.keys(ex)) {
      if (!(key in ac)) out.missing.push(at(key));
      else merge(shapeDifferences(ex[key] ?? null, ac[key] ?? null, at(key)));
    }
    for (const key of Object.keys(ac)) if (!(key in ex)) out.extra.push(at(key));
  }
  return out;
}

const unique = (list: string[]) => [...new Set(list)].sort();

let sb: RunningSandbox;
const post = (path: string, body: unknown, method = "POST") => curl(sb.url, path, { method, body });
const get = (path: string) => curl(sb.url, path);
const dataOf = (res: CurlResult): Json => {
  if (res.status !== 200) throw new Error(`${String(res.status)} ${res.text.slice(0, 300)}`);
  return (res.json as { data: Json }).data;
};

const CUSTOMER = {
  external_id: IND,
  identity_number: "10000000146",
  firstname: "Ayşe",
  lastname: "Yılmaz",
  email: "ayse.yilmaz@example.com",
  phone: "+905321112233",
};

/** A digital buy of 1 g gold placed under a fresh price fix; its answer and external id. */
async function digitalBuy(): Promise<{ answer: Json; externalId: string }> {
  const fix = dataOf(
    await post("/partner/pricefix", {
      type: "digital",
      customer_external_id: IND,
      currency: "TRY",
    }),
  ) as { token: string };
  const externalId = `SHAPE-${String(Date.now())}`;
  const answer = dataOf(
    await post("/partner/order/digital/buy", {
      price_token: fix.token,
      external_id: externalId,
      currency_code: "TRY",
      customer: CUSTOMER,
      items: [{ sku: "GAU", amount: 1 }],
    }),
  );
  return { answer, externalId };
}

/** How to make the sandbox answer each operation that has a documented answer example. */
const ANSWERS: Partial<Record<OperationName, () => Promise<Json>>> = {
  basketsIncomplete: async () => {
    await addItem(sb.url, IND, "MNTGB00010", 1);
    return dataOf(await get(`/partner/ecom/baskets?customer_external_id=${IND}`));
  },
  priceFix: async () =>
    dataOf(
      await post("/partner/pricefix", {
        type: "digital",
        customer_external_id: IND,
        currency: "TRY",
      }),
    ),
  digitalBuy: async () => (await digitalBuy()).answer,
  orderGet: async () => dataOf(await get(`/partner/order/${(await digitalBuy()).externalId}`)),
  orderFind: async () =>
    dataOf(await post("/partner/order", { external_id: (await digitalBuy()).externalId })),
  orderInvoice: async () =>
    dataOf(await get(`/partner/order/${(await digitalBuy()).externalId}/invoice`)),
  walletBasketAdd: async () =>
    dataOf(
      await post("/partner/walletable/basket", {
        external_customer_id: IND,
        type: "buy",
        sku: "MNTGB00010",
        qty: 1,
      }),
    ),
  walletCompleteDelivery: async () => {
    const basket = dataOf(
      await post("/partner/walletable/basket", {
        external_customer_id: IND,
        type: "delivery",
        sku: "MNTGB00100",
        qty: 1,
        shipping_address_id: 1931,
      }),
    ) as { token: string };
    return dataOf(
      await post("/partner/walletable/complete/delivery", {
        external_customer_id: IND,
        cart_token: basket.token,
      }),
    );
  },
};

const answerExamples = DOCUMENTED_EXAMPLES.filter(
  (e): e is DocumentedExample & { of: { response: OperationName } } => "response" in e.of,
);

describe("the sandbox answers in the documented shape", () => {
  beforeAll(async () => {
    const { startTestSandbox } = await import("./test-support.ts");
    sb = await startTestSandbox();
  });
  afterAll(() => sb.close());

  it("knows how to ask for every operation with a documented answer", () => {
    expect(answerExamples.map((e) => e.of.response).filter((op) => !ANSWERS[op])).toEqual([]);
  });

  it.each(answerExamples.map((e) => [e.file, e] as const))("%s", async (_file, example) => {
    await resetPinned(sb.url);
    const op = example.of.response;
    const ask = ANSWERS[op];
    if (!ask) throw new Error(`no way to ask the sandbox for ${op}`);
    const differences = shapeDifferences(exampleData(example) as Json, await ask());
    expect(unique(differences.missing), "documented fields the sandbox leaves out").toEqual([]);
    expect(unique(differences.type), "fields of another type").toEqual([]);
    const declared = MINTED_OPERATIONS[op].sandboxExtras?.fields ?? [];
    expect(unique(differences.extra), "fields beyond the example not named inferred").toEqual(
      unique([...declared]),
    );
  });
});

describe("shapeDifferences", () => {
  it("names missing, retyped and extra fields by path, array items included", () => {
    expect(
      shapeDifferences(
        { a: 1, b: "x", c: null, items: [{ id: 1, name: "n" }] },
        {
          a: "1",
          c: { deep: true },
          d: 0,
          items: [
            { id: 2, more: [] },
            { id: "3", name: "m" },
          ],
        },
      ),
    ).toEqual({
      missing: ["b", "items[].name"],
      type: [
        "a: number documented, string answered",
        "items[].id: number documented, string answered",
      ],
      extra: ["items[].more", "d"],
    });
  });
});
