import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { IDENTITY_PATH, createStepLoader } from "./checkout-routing";

function problem(status: number, code: string): Response {
  return new Response(JSON.stringify({ status, code, title: code }), {
    status,
    headers: { "content-type": "application/problem+json" },
  });
}

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("checkout step loaders", () => {
  it("send a guest (no customer in the session) to the identity form", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(() => Promise.resolve(problem(401, "unauthenticated"))),
    );
    for (const step of [null, "address", "review", "pay"] as const) {
      const res = await createStepLoader(client(), step)();
      expect(res?.status, String(step)).toBe(302);
      expect(res?.headers.get("location"), String(step)).toBe(IDENTITY_PATH);
    }
  });

  it("leave other failures to the page (retry there, no redirect)", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(() => Promise.resolve(problem(503, "upstream_unavailable"))),
    );
    expect(await createStepLoader(client(), "address")()).toBeNull();
  });
});
