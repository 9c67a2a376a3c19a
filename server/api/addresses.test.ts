import { describe, expect, it } from "vitest";
import { apiClient, useTestProxy, upstreamCalls } from "./api-test-client.ts";

const IND = "DEMO-IND-001";
const CORP = "DEMO-CORP-001";

const proxy = useTestProxy();

const form = {
  type: "shipping",
  fullName: "Ayşe Yılmaz",
  phone: "0 (532) 111 22 33",
  city: "izmir",
  county: "Konak",
  district: "Alsancak Mah.",
  line: "Kıbrıs Şehitleri Cad. No: 5",
  zipcode: "35220",
  invoiceType: "individual",
  taxNumber: "10000000146",
};

describe("addresses", () => {
  it("lists the customer's own addresses, tax numbers masked", async () => {
    const api = await apiClient(proxy(), IND);
    const res = await api.call("GET", "/api/addresses");
    expect(res.status).toBe(200);
    const body: any = res.json;
    expect(body.addresses.map((a: any) => [a.id, a.type])).toEqual([
      [1931, "shipping"],
      [1932, "billing"],
    ]);
    expect(body.addresses[0]).toMatchObject({
      fullName: "Ayşe Yılmaz",
      city: "İstanbul",
      zipcode: "34710",
      line: "No: 12 D: 5",
      invoiceType: "individual",
      taxNumberMasked: "*********46",
    });
    expect(res.text).not.toContain("10000000146");
    const billing = await api.call("GET", "/api/addresses?type=billing");
    expect((billing.json as any).addresses.map((a: any) => a.id)).toEqual([1932]);
  });

  it("creates an address from the form (phone in E.164, province spelled canonically) and deletes it", async () => {
    const api = await apiClient(proxy(), IND);
    const res = await api.call("POST", "/api/addresses", form);
    expect(res.status, res.text).toBe(201);
    const created: any = res.json;
    expect(created).toMatchObject({
      type: "shipping",
      city: "İzmir",
      phone: "+905321112233",
      line: "Kıbrıs Şehitleri Cad. No: 5",
      invoiceType: "individual",
    });
    const corporate = await api.call("POST", "/api/addresses", {
      ...form,
      type: "billing",
      invoiceType: "corporate",
      taxNumber: "4610427530",
      companyName: "Anadolu Kıymetli Madenler A.Ş.",
      taxOffice: "Kozyatağı",
    });
    expect(corporate.status, corporate.text).toBe(201);
    expect(corporate.json).toMatchObject({ invoiceType: "corporate", taxOffice: "Kozyatağı" });

    const deleted = await api.call("DELETE", `/api/addresses/${String(created.id)}`);
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({ deleted: true });
    const ids = ((await api.call("GET", "/api/addresses")).json as any).addresses.map(
      (a: any) => a.id,
    );
    expect(ids).not.toContain(created.id);
  });

  it("answers 404 for someone else's address, as for a missing one", async () => {
    const corp = await apiClient(proxy(), CORP);
    const res = await corp.call("DELETE", "/api/addresses/1931");
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: "not_found" });
    expect((await corp.call("DELETE", "/api/addresses/999999")).status).toBe(404);
    const ind = await apiClient(proxy(), IND);
    expect(((await ind.call("GET", "/api/addresses")).json as any).addresses).toHaveLength(2);
  });

  it("refuses an invalid TCKN or a postcode of another province with field errors, without calling Minted", async () => {
    const api = await apiClient(proxy(), IND, "tr");
    let res = await api.call("POST", "/api/addresses", { ...form, taxNumber: "12345677938" });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({
      code: "validation_failed",
      errors: { taxNumber: ["Geçerli bir T.C. kimlik numarası girin."] },
    });
    res = await api.call("POST", "/api/addresses", { ...form, zipcode: "34710" });
    expect(res.status).toBe(422);
    expect((res.json as any).errors).toEqual({
      zipcode: ["Posta kodu İzmir için 35 ile başlamalı."],
    });
    res = await api.call("POST", "/api/addresses", {
      ...form,
      phone: "212 555 00 11",
      city: "Gotham",
    });
    expect(Object.keys((res.json as any).errors).sort()).toEqual(["city", "phone"]);
    expect(await upstreamCalls(proxy(), "POST", "/partner/customer/address")).toBe(0);
  });

  it("is for customers only", async () => {
    const guest = await apiClient(proxy(), null);
    expect((await guest.call("GET", "/api/addresses")).status).toBe(401);
  });
});
