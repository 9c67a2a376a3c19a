import { describe, expect, it, vi } from "vitest";
import { readLaunchFragment, safeLaunchTarget, startSession } from "./start-session";

const origin = "https://shop.example";

describe("launch target", () => {
  it.each([
    ["/basket", "/basket"],
    ["/products/MNTGB00100?x=1", "/products/MNTGB00100?x=1"],
    [null, "/"],
    ["", "/"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example/", "/"],
    ["javascript:alert(1)", "/"],
    ["/api/session", "/"],
    ["/dev/launch", "/"],
    ["/launch", "/"],
  ])("%s → %s", (to, expected) => {
    expect(safeLaunchTarget(to, origin)).toBe(expected);
  });

  it("reads token and target from the fragment", () => {
    expect(readLaunchFragment("#token=a.b.c&to=%2Forders", origin)).toEqual({
      token: "a.b.c",
      to: "/orders",
    });
    expect(readLaunchFragment("", origin)).toEqual({ token: null, to: "/" });
  });
});

describe("startSession", () => {
  const view = {
    kind: "launch",
    customer: { id: "C1", name: "Ayşe" },
    locale: "en",
    currency: "TRY",
    theme: null,
  };
  it("posts the token as same-origin JSON and validates the answer", async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(Response.json(view)));
    expect(await startSession("t.o.k", fetchImpl)).toEqual({ ok: true, session: view });
    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(url).toBe("/api/session");
    expect(init).toMatchObject({
      method: "POST",
      credentials: "same-origin",
      body: JSON.stringify({ token: "t.o.k" }),
    });
  });
  it("401 → expired; other failures → failed", async () => {
    const answer = (res: Response) => () => Promise.resolve(res);
    expect(await startSession("t", answer(new Response(null, { status: 401 })))).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(await startSession("t", answer(new Response(null, { status: 503 })))).toEqual({
      ok: false,
      reason: "failed",
    });
    expect(await startSession("t", answer(Response.json({ nope: 1 })))).toEqual({
      ok: false,
      reason: "failed",
    });
    expect(await startSession("t", () => Promise.reject(new TypeError("offline")))).toEqual({
      ok: false,
      reason: "failed",
    });
  });
});
