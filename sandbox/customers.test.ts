import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "./server.ts";
import { control, curl, startTestSandbox } from "./test-support.ts";

const person = {
  external_id: "CUST-0001",
  firstname: "Mehmet",
  middlename: "",
  lastname: "Gülbilge",
  email: "mehmet@example.com",
  phone: "+90 532 280 80 35",
  gender: "M",
  identity_number: "46714948610",
  birthdate: "1970-01-31",
};

describe("customers and addresses", () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox();
  });
  afterAll(() => sb.close());
  beforeEach(() => control(sb.url, "POST", "/reset"));

  it("has the two demo customers with wallets", async () => {
    const ind = (await curl(sb.url, "/partner/customer/DEMO-IND-001")).json.data;
    expect(ind).toMatchObject({
      external_id: "DEMO-IND-001",
      identity_number: "10000000146",
      account_type: "person",
    });
    expect(ind.wallets.map((w: { currency_code: string }) => w.currency_code)).toEqual([
      "TRY",
      "GAU",
      "GAG",
      "GPT",
    ]);
    const corp = (await curl(sb.url, "/partner/customer/DEMO-CORP-001")).json.data;
    expect(corp).toMatchObject({
      account_type: "company",
      identity_number: "4610427530",
      tax_office: "Kozyatağı",
    });
    expect((await curl(sb.url, "/partner/customer/NOBODY")).status).toBe(404);
  });

  it("creates a person, refuses a duplicate, an invalid TCKN and missing fields", async () => {
    const created = await curl(sb.url, "/partner/customer", { method: "POST", body: person });
    expect(created.status).toBe(200);
    expect(created.json.data).toMatchObject({
      external_id: "CUST-0001",
      fullname: "Mehmet Gülbilge",
      phone: "+905322808035",
    });
    const dup = await curl(sb.url, "/partner/customer", { method: "POST", body: person });
    expect(dup.status).toBe(422);
    expect(dup.json.errors).toHaveProperty("external_id");
    // The docs' own sample TCKN fails the checksum.
    const docsSample = await curl(sb.url, "/partner/customer", {
      method: "POST",
      body: { ...person, external_id: "CUST-0002", identity_number: "12345677938" },
    });
    expect(docsSample.status).toBe(422);
    expect(docsSample.json.errors).toHaveProperty("identity_number");
    const missing = await curl(sb.url, "/partner/customer", {
      method: "POST",
      body: { external_id: "CUST-0003" },
    });
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.json.errors)).toEqual(
      expect.arrayContaining(["firstname", "lastname", "identity_number"]),
    );
    const notJson = await curl(sb.url, "/partner/customer", { method: "POST", body: "{not json" });
    expect(notJson.status).toBe(422);
  });

  it("creates a business customer with the documented body and answers it as a company", async () => {
    // Create Business Customer's example (api-15819241), with an id and a checksum-valid VKN.
    const example = JSON.parse(
      readFileSync(
        new URL("../minted/examples/customerCreate.request.api-15819241.json", import.meta.url),
        "utf8",
      ),
    ) as Record<string, unknown>;
    const body = {
      ...example,
      external_id: "BIZ-1",
      email: "muhasebe@example.com",
      identity_number: "1234567890",
    };
    const res = await curl(sb.url, "/partner/customer", { method: "POST", body });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const got = (await curl(sb.url, "/partner/customer/BIZ-1")).json.data;
    expect(got).toMatchObject({
      external_id: "BIZ-1",
      firstname: "Test AŞ",
      identity_number: "1234567890",
      tax_office: "Ümraniye",
      phone: "+905322808035",
      account_type: "company",
    });
    // The tax office is documented as optional.
    const noOffice = await curl(sb.url, "/partner/customer", {
      method: "POST",
      body: {
        external_id: "BIZ-2",
        firstname: "Test AŞ",
        identity_number: "1234567890",
        account_type: "company",
      },
    });
    expect(noOffice.status).toBe(200);
    expect(noOffice.json.data).toMatchObject({ account_type: "company", tax_office: null });
    // The docs' own sample VKN fails the checksum; the name is 3–40 characters.
    const bad = await curl(sb.url, "/partner/customer", {
      method: "POST",
      body: {
        ...body,
        external_id: "BIZ-3",
        identity_number: "1234567793",
        firstname: "x".repeat(41),
      },
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.errors).sort()).toEqual(["firstname", "identity_number"]);
    // Neither a person nor a company: refused by the operation's documented input.
    const neither = await curl(sb.url, "/partner/customer", {
      method: "POST",
      body: { ...body, external_id: "BIZ-4", account_type: "foundation" },
    });
    expect(neither.status).toBe(422);
    expect(Object.keys(neither.json.errors)).toEqual(["account_type"]);
  });

  it("updates and removes a customer", async () => {
    await curl(sb.url, "/partner/customer", { method: "POST", body: person });
    const patched = await curl(sb.url, "/partner/customer/CUST-0001", {
      method: "PATCH",
      body: {
        firstname: "Mehmet Ali",
        lastname: "Gülbilge",
        phone: "+905071112233",
        identity_number: "46714948610",
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.data.fullname).toBe("Mehmet Ali Gülbilge");
    const missing = await curl(sb.url, "/partner/customer/CUST-0001", {
      method: "PATCH",
      body: { firstname: "X" },
    });
    expect(missing.status).toBe(422);
    expect((await curl(sb.url, "/partner/customer/CUST-0001", { method: "DELETE" })).status).toBe(
      200,
    );
    expect((await curl(sb.url, "/partner/customer/CUST-0001")).status).toBe(404);
  });

  it("creates, lists and deletes addresses, with ownership and checksum rules", async () => {
    const list = (await curl(sb.url, "/partner/customer/address?external_customer_id=DEMO-IND-001"))
      .json.data;
    expect(list).toHaveLength(2);
    const body = {
      external_customer_id: "DEMO-IND-001",
      type: "shipping",
      invoice_type: "Individual",
      tax_number: "10000000146",
      fullname: "Ayşe Yılmaz",
      phone: "+905321112233",
      city: "İzmir",
      county: "Karşıyaka",
      district: "Bostanlı Mah.",
      zipcode: "35590",
      address: "Cemal Gürsel Cad. No: 5",
    };
    const created = await curl(sb.url, "/partner/customer/address", { method: "POST", body });
    expect(created.status).toBe(200);
    expect(created.json.data).toMatchObject({
      id: expect.any(Number),
      city: "İzmir",
      type: "shipping",
    });
    const id = created.json.data.id;

    const corporateWithoutCompany = await curl(sb.url, "/partner/customer/address", {
      method: "POST",
      body: { ...body, invoice_type: "Corporate", tax_number: "1234567890" },
    });
    expect(corporateWithoutCompany.status).toBe(422);
    expect(Object.keys(corporateWithoutCompany.json.errors)).toEqual(
      expect.arrayContaining(["company_name", "tax_office"]),
    );
    const badTckn = await curl(sb.url, "/partner/customer/address", {
      method: "POST",
      body: { ...body, tax_number: "10000000147" },
    });
    expect(badTckn.json.errors).toHaveProperty("tax_number");
    const badZip = await curl(sb.url, "/partner/customer/address", {
      method: "POST",
      body: { ...body, zipcode: "3459" },
    });
    expect(badZip.json.errors).toHaveProperty("zipcode");

    const other = await curl(sb.url, `/partner/customer/address/${id}`, {
      method: "DELETE",
      body: { external_customer_id: "DEMO-CORP-001" },
    });
    expect(other.status).toBe(403);
    const mine = await curl(sb.url, `/partner/customer/address/${id}`, {
      method: "DELETE",
      body: { external_customer_id: "DEMO-IND-001" },
    });
    expect(mine.status).toBe(200);
    expect(
      (
        await curl(sb.url, `/partner/customer/address/${id}`, {
          method: "DELETE",
          body: { external_customer_id: "DEMO-IND-001" },
        })
      ).status,
    ).toBe(404);
    expect((await curl(sb.url, "/partner/customer/address?external_customer_id=")).status).toBe(
      422,
    );
  });
});
