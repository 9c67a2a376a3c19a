import { describe, expect, it } from "vitest";
import { createQueryClient, shouldRetryQuery } from "./query-client";

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
