import { setupI18n } from "@lingui/core";
import { MutationObserver, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { createQueryClient, followLanguage, shouldRetryQuery } from "./query-client";
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

describe("followLanguage", () => {
  it("reads what is on screen again in the new language and drops the rest", async () => {
    const i18n = setupI18n();
    i18n.load({ tr: {}, en: {} });
    const client = createQueryClient();
    const stopFollowing = followLanguage(client, i18n);
    i18n.activate("tr"); // start-up: nothing to read again
    // The query function answers in the language of the moment, as the proxy does.
    const names = { tr: "Çeyrek Altın", en: "Quarter Gold Coin" } as const;
    const product = new QueryObserver(client, {
      queryKey: ["products", "detail", "CEYREK"],
      queryFn: () => names[i18n.locale as "tr" | "en"],
    });
    const stop = product.subscribe(() => undefined);
    await expect.poll(() => product.getCurrentResult().data).toBe("Çeyrek Altın");
    client.setQueryData(["products", "list"], ["Çeyrek Altın"]); // a list nobody shows now

    i18n.activate("en");
    await expect.poll(() => product.getCurrentResult().data).toBe("Quarter Gold Coin");
    expect(client.getQueryData(["products", "list"])).toBeUndefined();

    // Loading more strings of the same language is no change of language.
    let reads = 0;
    const counted = new QueryObserver(client, {
      queryKey: ["basket", "current"],
      queryFn: () => ++reads,
      staleTime: Infinity,
    });
    const stopCounted = counted.subscribe(() => undefined);
    await expect.poll(() => reads).toBe(1);
    i18n.load("en", { extra: "Extra" });
    i18n.activate("en");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads).toBe(1);

    i18n.activate("tr");
    await expect.poll(() => product.getCurrentResult().data).toBe("Çeyrek Altın");
    expect(reads).toBe(2);
    stop();
    stopCounted();
    stopFollowing();
    client.clear();
  });
});
