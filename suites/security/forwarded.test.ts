import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../stack.ts";

/**
 * Receipt look-ups (10 per client address per window) against real proxy processes deployed as
 * behind a load balancer (PUBLIC_URL set): a client that writes its own X-Forwarded-For gets no
 * more tries, with or without TRUST_PROXY.
 */

const LIMIT = 10;
const lookup = async (base: string, forwardedFor: string) => {
  const res = await fetch(`${base}/api/receipts/lookup`, {
    method: "POST",
    headers: {
      origin: base,
      "content-type": "application/json",
      "x-forwarded-for": forwardedFor,
    },
    body: JSON.stringify({ orderCode: "MC_0000000000000", email: "nobody@example.com" }),
  });
  await res.arrayBuffer();
  return res.status;
};
const looksUp = async (base: string, hops: string[]) => {
  const out: number[] = [];
  for (const hop of hops) out.push(await lookup(base, hop));
  return out;
};
const spoofed = (n: number, suffix = "") =>
  Array.from({ length: n }, (_, i) => `198.51.100.${String(i + 1)}${suffix}`);
const expected = (n: number) => Array.from({ length: n }, (_, i) => (i < LIMIT ? 404 : 429));

describe("spoofed X-Forwarded-For and the per-IP receipt look-up limit", () => {
  describe("without TRUST_PROXY (PUBLIC_URL set)", () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack({ proxyEnv: { PUBLIC_URL: "https://shop.example" } });
    }, 60_000);
    afterAll(() => stack.stop());

    it("15 look-ups, each with another X-Forwarded-For: the 11th on is 429", async () => {
      expect(await looksUp(stack.proxyUrls[0] ?? "", spoofed(15))).toEqual(expected(15));
    });
  });

  describe("with TRUST_PROXY=1 (one load balancer in front)", () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack({
        proxyEnv: { PUBLIC_URL: "https://shop.example", TRUST_PROXY: "1" },
      });
    }, 60_000);
    afterAll(() => stack.stop());

    it("spoofed hops before the balancer's own do not reset the count; another client has its own", async () => {
      const base = stack.proxyUrls[0] ?? "";
      expect(await looksUp(base, spoofed(15, ", 203.0.113.7"))).toEqual(expected(15));
      expect(await lookup(base, "198.51.100.1, 203.0.113.8")).toBe(404);
    });
  });
});
