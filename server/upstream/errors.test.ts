import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { problemResponse } from "../problem.ts";
import { toApiError } from "./errors.ts";
import { UpstreamError } from "./types.ts";

async function problem(err: UpstreamError, lang = "tr") {
  const app = new Hono();
  app.get("/", (c) => problemResponse(c, toApiError(err)));
  const res = await app.request("/", { headers: { "accept-language": lang } });
  return { status: res.status, body: await res.json() };
}

describe("toApiError", () => {
  it("passes a 422's field errors through", async () => {
    const errors = { firstname: ["firstname alanı gereklidir."] };
    const err = new UpstreamError("rejected", "customerCreate", {
      status: 422,
      message: "x",
      errors,
    });
    expect(await problem(err)).toMatchObject({
      status: 422,
      body: { code: "validation_failed", errors },
    });
  });

  it.each([403, 404])("makes a %i look like a missing record", async (status) => {
    const err = new UpstreamError("rejected", "orderGet", { status, message: "Forbidden." });
    const { status: answered, body } = await problem(err, "en");
    expect(answered).toBe(404);
    expect(body.code).toBe("not_found");
    expect(JSON.stringify(body)).not.toContain("Forbidden.");
  });

  it("maps 409 to conflict and other refusals to validation_failed", async () => {
    const conflict = new UpstreamError("rejected", "basketAdd", { status: 409, message: "x" });
    expect(await problem(conflict)).toMatchObject({ status: 409, body: { code: "conflict" } });
    // Upstream's free text never becomes the detail: it could carry internals.
    const other = new UpstreamError("rejected", "basketAdd", {
      status: 400,
      message: "SQLSTATE[42S02]: table partner_orders not found at db-3.internal",
    });
    const answer = await problem(other);
    expect(answer).toMatchObject({ status: 422, body: { code: "validation_failed" } });
    expect(JSON.stringify(answer.body)).not.toContain("SQLSTATE");
    const bare = new UpstreamError("rejected", "basketAdd", { status: 400 });
    expect((await problem(bare, "en")).body.detail).toBe(
      "The request was not accepted; please check the details.",
    );
  });

  it("maps invalid to 502, unavailable to 503 and timeouts to 504", async () => {
    const invalid = new UpstreamError("invalid", "products");
    expect(await problem(invalid)).toMatchObject({
      status: 502,
      body: { code: "upstream_invalid" },
    });
    const down = new UpstreamError("unavailable", "products", { status: 503 });
    expect(await problem(down)).toMatchObject({
      status: 503,
      body: { code: "upstream_unavailable" },
    });
    const cause = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    const slow = new UpstreamError("unavailable", "products", { cause });
    expect(await problem(slow, "en")).toMatchObject({
      status: 504,
      body: {
        code: "upstream_unavailable",
        detail: "The service did not answer in time; please try again.",
      },
    });
  });
});
