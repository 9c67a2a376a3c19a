import { afterEach, describe, expect, it, vi } from "vitest";
import { addBasketItem, getBasket } from "../../contract/api/basket";
import { listAddresses } from "../../contract/api/addresses";
import { endSession } from "../../contract/api/session";
import { ApiProblem, api, isTransient } from "./api";

const calls: { url: string; init: RequestInit }[] = [];

function answer(status: number, body: unknown) {
  vi.stubGlobal(
    "fetch",
    vi.fn((url: string, init: RequestInit) => {
      calls.push({ url, init });
      return Promise.resolve(
        new Response(body === undefined ? null : JSON.stringify(body), { status }),
      );
    }),
  );
}

afterEach(() => {
  calls.length = 0;
  vi.unstubAllGlobals();
});

describe("api(operation, input)", () => {
  it("sends the operation's method to its path, the body as JSON, and the caller's headers", async () => {
    answer(400, { status: 400, code: "validation_failed", detail: "no", errors: { sku: ["x"] } });
    const error = await api(addBasketItem, {
      body: { sku: "MNTGB00010", quantity: 2 },
      headers: { "Idempotency-Key": "k-12345678" },
    }).catch((e: unknown) => e);
    expect(calls[0]?.url).toBe("/api/basket/items");
    expect(calls[0]?.init.method).toBe("POST");
    expect(calls[0]?.init.body).toBe('{"sku":"MNTGB00010","quantity":2}');
    expect(calls[0]?.init.headers).toMatchObject({
      "content-type": "application/json",
      "Idempotency-Key": "k-12345678",
    });
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ status: 400, code: "validation_failed", errors: { sku: ["x"] } });
  });

  it("parses the answer with the operation's response schema: a foreign shape is invalid_response", async () => {
    answer(200, { items: "not a list" });
    await expect(api(getBasket)).rejects.toMatchObject({ code: "invalid_response" });
    expect(calls[0]?.init.method).toBe("GET");
    expect(calls[0]?.init.headers).not.toHaveProperty("content-type");
  });

  it("builds the query from the input and takes 204 as null without a response schema", async () => {
    answer(200, { addresses: [] });
    await api(listAddresses, { query: { type: "billing" } }).catch(() => undefined);
    expect(calls[0]?.url).toBe("/api/addresses?type=billing");
    answer(204, undefined);
    await expect(api(endSession)).resolves.toBeNull();
  });

  it("keeps a failure without a problem body transient (5xx) or internal (4xx)", async () => {
    answer(503, "down");
    const down = await api(getBasket).catch((e: unknown) => e);
    expect(down).toMatchObject({ status: 503, code: "upstream_unavailable" });
    expect(isTransient(down)).toBe(true);
    answer(418, "teapot");
    const odd = await api(getBasket).catch((e: unknown) => e);
    expect(odd).toMatchObject({ status: 418, code: "internal" });
    expect(isTransient(odd)).toBe(false);
  });
});

describe("the shop's /api paths", () => {
  it("are written only in the contract's operation table, never in src", () => {
    const sources = import.meta.glob<string>(
      ["../**/*.{ts,tsx}", "!../**/*.test.{ts,tsx}", "!../test-support/**"],
      {
        query: "?raw",
        import: "default",
        eager: true,
      },
    );
    const found: string[] = [];
    for (const [path, text] of Object.entries(sources)) {
      text.split("\n").forEach((line, i) => {
        const comment = /^\s*(\*|\/\/|\/\*)/.test(line);
        if (!comment && /["'`]\/api[/"'`?]/.test(line)) found.push(`${path}:${String(i + 1)}`);
      });
    }
    expect(Object.keys(sources).length).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });
});
