import { MutationObserver, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { createQueryClient, shouldRetryQuery } from "./query-client";
import { queryRoots } from "./query-keys";

describe("shouldRetryQuery", () => {
  it("retries network failures and server errors a bounded number of times", () => {
    expect(shouldRetryQuery(0, new TypeError("Failed to fetch"))).toBe(true);
    expect(shouldRetryQuery(1, { status: 503 })).toBe(true);
    expect(shouldRetryQuery(0, { status: 429 })).toBe(true);
    expect(shouldRetryQuery(2, { status: 503 })).toBe(false);
  });

  it("does not retry client errors", () => {
    expect(shouldRetryQuery(0, { status: 400 })).toBe(false);
    expect(shouldRetryQuery(0, { status: 404 })).toBe(false);
  });

  it("does not retry an upstream answer the proxy found malformed, but does an unavailable one", () => {
    expect(shouldRetryQuery(0, { status: 502, code: "upstream_invalid" })).toBe(false);
    expect(shouldRetryQuery(0, { status: 503, code: "upstream_unavailable" })).toBe(true);
  });
});

describe("createQueryClient", () => {
  it("never retries mutations", () => {
    const client = createQueryClient();
    expect(client.getDefaultOptions().mutations?.retry).toBe(false);
    expect(client.getDefaultOptions().queries?.staleTime).toBe(30_000);
  });
});

describe("mutation meta.invalidates", () => {
  it("fetches the named entities again before the mutation resolves, and leaves others alone", async () => {
    const client = createQueryClient();
    let ordersReads = 0;
    let walletReads = 0;
    const orders = new QueryObserver(client, {
      queryKey: [...queryRoots.orders, "list"],
      queryFn: () => ++ordersReads,
    });
    const wallet = new QueryObserver(client, {
      queryKey: [...queryRoots.wallet, "balances"],
      queryFn: () => ++walletReads,
    });
    const stopOrders = orders.subscribe(() => undefined);
    const stopWallet = wallet.subscribe(() => undefined);
    await expect.poll(() => ordersReads + walletReads).toBe(2);

    const bind = new MutationObserver(client, {
      mutationFn: () => Promise.resolve("bound"),
      meta: { invalidates: [queryRoots.orders] },
    });
    await bind.mutate();
    // Awaited: the list was read again by the time the mutation resolved.
    expect(ordersReads).toBe(2);
    expect(client.getQueryData([...queryRoots.orders, "list"])).toBe(2);
    expect(walletReads).toBe(1);

    const failing = new MutationObserver(client, {
      mutationFn: () => Promise.reject(new Error("refused")),
      meta: { invalidates: [queryRoots.wallet] },
    });
    await expect(failing.mutate()).rejects.toThrow("refused");
    expect(walletReads).toBe(1);
    stopOrders();
    stopWallet();
    client.clear();
  });
});
