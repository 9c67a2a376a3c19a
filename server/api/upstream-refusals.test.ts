import { describe, expect, it } from "vitest";
import { ApiError } from "../problem.ts";
import { UpstreamError } from "../upstream/types.ts";
import { ourFieldName, renameFieldErrors, withOurFieldNames } from "./upstream-refusals.ts";

describe("upstream field names", () => {
  it("maps Minted's field paths to the form's", () => {
    expect(ourFieldName("shipping.tax_number")).toBe("shipping.taxNumber");
    expect(ourFieldName("billing.company_name")).toBe("billing.companyName");
    expect(ourFieldName("shipping.fullname")).toBe("shipping.fullName");
    expect(ourFieldName("shipping.address")).toBe("shipping.line");
    expect(ourFieldName("qty")).toBe("quantity");
    expect(ourFieldName("items.0.amount", { "items.0.amount": "grams" })).toBe("grams");
    expect(renameFieldErrors({ tax_number: ["a"], "shipping.tax_number": ["b"] })).toEqual({
      taxNumber: ["a"],
      "shipping.taxNumber": ["b"],
    });
  });

  it("turns an upstream 422 into field errors and leaves other failures alone", async () => {
    const refused = new UpstreamError("rejected", "addressCreate", {
      status: 422,
      errors: { "billing.tax_office": ["Required."] },
    });
    await expect(withOurFieldNames(Promise.reject(refused))).rejects.toMatchObject({
      code: "validation_failed",
      options: { errors: { "billing.taxOffice": ["Required."] } },
    });
    const down = new UpstreamError("unavailable", "addressCreate", { status: 503 });
    await expect(withOurFieldNames(Promise.reject(down))).rejects.toBe(down);
    await expect(withOurFieldNames(Promise.resolve(1))).resolves.toBe(1);
    expect(new ApiError("conflict").status).toBe(409);
  });
});
