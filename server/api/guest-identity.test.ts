import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { curl } from "../../sandbox/test-support.ts";
import { startTestProxy, type TestProxy } from "../test-support.ts";
import { apiClient, resetSandbox } from "./api-test-client.ts";

/** 1 g gold bar: spot 4100 + markup 102.50 + minting 60 = 4262.50, VAT-exempt. */
const GOLD_1G = "MNTGB00010";
/** 50 g silver bar: spot 2600 + markup 156 + minting 90 = 2846, VAT 20 %. */
const SILVER_50G = "MNTSB00050";

const PERSON = {
  accountType: "person",
  firstname: "Can",
  lastname: "Demir",
  identityNumber: "46714948610",
  email: "can@example.com",
  phone: "0532 111 22 33",
};

const COMPANY = {
  accountType: "company",
  companyName: "Anadolu Kuyumculuk A.Ş.",
  taxNumber: "4610427530",
  taxOffice: "Kozyatağı",
  email: "muhasebe@example.com",
  phone: "0532 111 22 33",
};

/** Bodies the proxy sent to Create (Business) Customer, as they left it. */
let sent: unknown[] = [];
/** When set, rewrites the next Create Customer body on its way out (to provoke a refusal). */
let rewrite: ((body: Record<string, unknown>) => Record<string, unknown>) | null = null;

const recordingFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (init?.method === "POST" && url.pathname === "/partner/customer") {
    const body = JSON.parse(typeof init.body === "string" ? init.body : "null") as Record<
      string,
      unknown
    >;
    sent.push(body);
    if (rewrite) return fetch(input, { ...init, body: JSON.stringify(rewrite(body)) });
  }
  return fetch(input, init);
};

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({ fetch: recordingFetch });
});
afterAll(() => proxy.close());
beforeEach(async () => {
  sent = [];
  rewrite = null;
  await resetSandbox(proxy);
});

/** The distinct Create Customer bodies sent (a Digest challenge repeats the same request). */
const createBodies = () =>
  [...new Set(sent.map((b) => JSON.stringify(b)))].map((b) => JSON.parse(b));

describe("guest identity", () => {
  it("creates a person with Create Customer, moves the basket upstream, keeps the session", async () => {
    const guest = await apiClient(proxy, null);
    await guest.call("POST", "/api/basket/items", { sku: GOLD_1G, quantity: 2 });
    await guest.call("POST", "/api/basket/items", { sku: SILVER_50G, quantity: 1 });

    const bad = await guest.call("POST", "/api/session/identity", {
      ...PERSON,
      identityNumber: "12345677938",
    });
    expect(bad.status).toBe(422);
    expect(Object.keys((bad.json as { errors: object }).errors)).toEqual(["identityNumber"]);
    expect(sent).toEqual([]);

    const res = await guest.call("POST", "/api/session/identity", PERSON);
    expect(res.status, res.text).toBe(200);
    const [body] = createBodies();
    expect(createBodies()).toHaveLength(1);
    expect(body).toEqual({
      external_id: expect.stringMatching(/^G-[0-9a-f]{32}$/),
      account_type: "person",
      firstname: "Can",
      lastname: "Demir",
      email: "can@example.com",
      phone: "+905321112233",
      identity_number: "46714948610",
    });
    const result = res.json as any;
    expect(result.customer).toEqual({
      accountType: "person",
      name: "Can Demir",
      email: "can@example.com",
    });
    expect(result.skipped).toEqual([]);
    expect(result.basket.estimated).toBe(false);
    expect(result.basket.totals).toEqual({
      subtotal: 11371,
      vat: 569.2,
      fees: 184.01,
      total: 12124.21,
    });

    // The session now carries the customer: the basket is upstream.
    const after = (await guest.call("GET", "/api/basket")).json as any;
    expect(after.items.map((i: { sku: string }) => i.sku)).toEqual([GOLD_1G, SILVER_50G]);
    expect(after.priceFix).not.toBeNull();
    expect((await guest.call("POST", "/api/session/identity", PERSON)).status).toBe(409);
  });

  it("creates a company with Create Business Customer: account_type company, VKN, tax office", async () => {
    const guest = await apiClient(proxy, null);
    await guest.call("POST", "/api/basket/items", { sku: GOLD_1G, quantity: 1 });
    const res = await guest.call("POST", "/api/session/identity", COMPANY);
    expect(res.status, res.text).toBe(200);
    expect(createBodies()).toEqual([
      {
        external_id: expect.stringMatching(/^G-[0-9a-f]{32}$/),
        account_type: "company",
        firstname: "Anadolu Kuyumculuk A.Ş.",
        identity_number: "4610427530",
        tax_office: "Kozyatağı",
        email: "muhasebe@example.com",
        phone: "+905321112233",
      },
    ]);
    expect((res.json as any).customer).toEqual({
      accountType: "company",
      name: "Anadolu Kuyumculuk A.Ş.",
      email: "muhasebe@example.com",
    });
    // Minted (here the sandbox) keeps it as a company.
    const id = String(createBodies()[0].external_id);
    const stored = await curl(proxy.sandbox.url, `/partner/customer/${id}`);
    expect(stored.json.data).toMatchObject({
      account_type: "company",
      firstname: "Anadolu Kuyumculuk A.Ş.",
      identity_number: "4610427530",
      tax_office: "Kozyatağı",
    });
    expect(((await guest.call("GET", "/api/basket")).json as any).items).toHaveLength(1);
  });

  it("refuses a bad VKN or a missing company field with 422 and calls nobody", async () => {
    const guest = await apiClient(proxy, null);
    const bad = await guest.call("POST", "/api/session/identity", {
      ...COMPANY,
      taxNumber: "4610427531",
      taxOffice: "",
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(bad.json).toMatchObject({ code: "validation_failed" });
    expect(Object.keys((bad.json as { errors: object }).errors).sort()).toEqual([
      "taxNumber",
      "taxOffice",
    ]);
    const unknownType = await guest.call("POST", "/api/session/identity", {
      ...COMPANY,
      accountType: "foundation",
    });
    expect(unknownType.status).toBe(422);
    expect(Object.keys((unknownType.json as { errors: object }).errors)).toEqual(["accountType"]);
    expect(sent).toEqual([]);
  });

  it("shows Minted's refusal of a company at the company form's fields", async () => {
    const guest = await apiClient(proxy, null);
    rewrite = (body) => ({ ...body, identity_number: "1234567793" });
    const res = await guest.call("POST", "/api/session/identity", COMPANY);
    expect(res.status, res.text).toBe(422);
    expect(Object.keys((res.json as { errors: object }).errors)).toEqual(["taxNumber"]);
    // Not bound: the guest can correct and try again.
    rewrite = null;
    expect((await guest.call("POST", "/api/session/identity", COMPANY)).status).toBe(200);
  });
});
