import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { digestResponse, parseDigestHeader } from "./http/digest.ts";
import type { RunningSandbox } from "./server.ts";
import { control, curl, startTestSandbox } from "./test-support.ts";

describe("Digest formulas", () => {
  // RFC 7616 §3.9.1 example.
  const rfc = {
    username: "Mufasa",
    password: "Circle of Life",
    realm: "http-auth@example.org",
    method: "GET",
    uri: "/dir/index.html",
    nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
    nc: "00000001",
    cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
    qop: "auth",
  };
  it("reproduces the RFC 7616 §3.9.1 MD5 and SHA-256 responses", () => {
    expect(digestResponse({ ...rfc, algorithm: "MD5" })).toBe("8ca523f5e9506fed4657c9700eebdbec");
    expect(digestResponse({ ...rfc, algorithm: "SHA-256" })).toBe(
      "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
    );
  });

  it("parses quoted, escaped and bare directives and refuses duplicates", () => {
    expect(
      parseDigestHeader(
        'Digest username="Mu\\"fasa", realm="r, x", nc=00000001, qop=auth, uri="/a?b=1"',
      ),
    ).toEqual({ username: 'Mu"fasa', realm: "r, x", nc: "00000001", qop: "auth", uri: "/a?b=1" });
    expect(parseDigestHeader("Basic abc")).toBeNull();
    expect(parseDigestHeader("Digest nc=1, nc=2")).toBeNull();
  });
});

/** A hand-rolled Digest request (a third implementation, for what curl cannot do: replay, staleness). */
async function signed(
  base: string,
  path: string,
  challenge: Record<string, string>,
  nc: number,
  overrides: { password?: string; uri?: string } = {},
) {
  const md5 = (s: string) => createHash("md5").update(s).digest("hex");
  const uri = overrides.uri ?? path;
  const cnonce = "0a4f113b";
  const ncHex = nc.toString(16).padStart(8, "0");
  const ha1 = md5(`demo-partner:${challenge.realm}:${overrides.password ?? "demo-secret"}`);
  const ha2 = md5(`GET:${uri}`);
  const response = md5(`${ha1}:${challenge.nonce}:${ncHex}:${cnonce}:auth:${ha2}`);
  const header =
    `Digest username="demo-partner", realm="${challenge.realm}", nonce="${challenge.nonce}", uri="${uri}", ` +
    `algorithm=MD5, qop=auth, nc=${ncHex}, cnonce="${cnonce}", response="${response}", opaque="${challenge.opaque}"`;
  return fetch(`${base}${path}`, { headers: { authorization: header, "x-client-id": "web" } });
}

async function challengeOf(base: string) {
  const res = await fetch(`${base}/partner/ecom/categories`, { headers: { "x-client-id": "web" } });
  expect(res.status).toBe(401);
  const header = res.headers.get("www-authenticate") ?? "";
  const params = parseDigestHeader(header.replace(/^Digest/, "Digest"));
  if (!params) throw new Error(`bad challenge: ${header}`);
  return { header, params };
}

describe("Digest over HTTP", () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox();
  });
  afterAll(() => sb.close());
  beforeEach(() => control(sb.url, "POST", "/reset"));

  it("challenges with realm, qop=auth, MD5, nonce and opaque, and a JSON 401 body", async () => {
    const { header, params } = await challengeOf(sb.url);
    expect(header).toMatch(/^Digest /);
    expect(params).toMatchObject({ realm: "Minted Connect", qop: "auth", algorithm: "MD5" });
    expect(params.nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(params.opaque).toMatch(/^[0-9a-f]{32}$/);
    expect(params.stale).toBeUndefined();
  });

  it("accepts curl --digest and refuses wrong credentials", async () => {
    const good = await curl(sb.url, "/partner/ecom/categories");
    expect(good.status).toBe(200);
    expect(good.json).toMatchObject({ success: true, code: 0, message: "" });
    const bad = await curl(sb.url, "/partner/ecom/categories", { password: "nope" });
    expect(bad.status).toBe(401);
    expect(bad.json).toMatchObject({ success: false, code: 401 });
    const user = await curl(sb.url, "/partner/ecom/categories", { user: "someone-else" });
    expect(user.status).toBe(401);
  });

  it("signs the full request-target including the query string", async () => {
    const { params } = await challengeOf(sb.url);
    const path = "/partner/ecom/products?page=1&total=5";
    expect((await signed(sb.url, path, params, 1)).status).toBe(200);
    const unsignedQuery = await signed(sb.url, path, params, 2, { uri: "/partner/ecom/products" });
    expect(unsignedQuery.status).toBe(401);
    expect(
      (await curl(sb.url, "/partner/ecom/products?page=2&total=5")).json.data.current_page,
    ).toBe(2);
  });

  it("counts nc per nonce: out of order is fine, a replay is refused", async () => {
    const { params } = await challengeOf(sb.url);
    const path = "/partner/ecom/categories";
    expect((await signed(sb.url, path, params, 1)).status).toBe(200);
    expect((await signed(sb.url, path, params, 3)).status).toBe(200);
    expect((await signed(sb.url, path, params, 2)).status).toBe(200);
    const replay = await signed(sb.url, path, params, 3);
    expect(replay.status).toBe(401);
    expect(replay.headers.get("www-authenticate")).not.toContain("stale=true");
  });

  it("expires nonces on the sandbox clock with stale=true", async () => {
    const { params } = await challengeOf(sb.url);
    const path = "/partner/ecom/categories";
    expect((await signed(sb.url, path, params, 1)).status).toBe(200);
    await control(sb.url, "POST", "/clock", { advance: 301 });
    const stale = await signed(sb.url, path, params, 2);
    expect(stale.status).toBe(401);
    expect(stale.headers.get("www-authenticate")).toContain("stale=true");
    // Wrong credentials on an expired nonce are not "stale": the password is wrong.
    const { params: fresh } = await challengeOf(sb.url);
    await control(sb.url, "POST", "/clock", { advance: 301 });
    const wrong = await signed(sb.url, path, fresh, 1, { password: "nope" });
    expect(wrong.headers.get("www-authenticate")).not.toContain("stale=true");
  });

  it("refuses an unknown nonce and a forged opaque", async () => {
    const { params } = await challengeOf(sb.url);
    const path = "/partner/ecom/categories";
    expect((await signed(sb.url, path, { ...params, nonce: "0".repeat(32) }, 1)).status).toBe(401);
    expect((await signed(sb.url, path, { ...params, opaque: "forged" }, 1)).status).toBe(401);
  });

  it("switches to SHA-256 by configuration (curl follows the challenge)", async () => {
    await control(sb.url, "PUT", "/config", { digest_algorithm: "SHA-256" });
    const { params } = await challengeOf(sb.url);
    expect(params.algorithm).toBe("SHA-256");
    const res = await curl(sb.url, "/partner/ecom/categories");
    expect(res.status).toBe(200);
  });

  it("requires x-client-id and a supported api-version", async () => {
    const noClient = await curl(sb.url, "/partner/ecom/categories", {
      headers: { "x-client-id": "" },
    });
    expect(noClient.status).toBe(422);
    expect(noClient.json.errors).toHaveProperty("x-client-id");
    const badVersion = await curl(sb.url, "/partner/ecom/categories", {
      headers: { "api-version": "9" },
    });
    expect(badVersion.status).toBe(422);
    const v2 = await curl(sb.url, "/partner/ecom/categories", { headers: { "api-version": "2" } });
    expect(v2.status).toBe(200);
  });
});
