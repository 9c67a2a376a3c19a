import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT, exportJWK, exportSPKI, generateKeyPair, type CryptoKey, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ORIGIN, startTestProxy, type TestProxy } from "../../server/test-support.ts";

/**
 * Launch-token attacks against POST /api/session, with both key types configured (HS256 with
 * LAUNCH_SECRET, RS256 from a JWKS served here) and an issuer pinned: every forgery, confusion,
 * out-of-time, replayed, misaddressed or tampered token is a 401 `unauthenticated` problem and
 * sets no session cookie.
 */

const SECRET = "suite-launch-secret-0123456789abcdef-0123456789";
const ISSUER = "https://partner.example";
const AUDIENCE = "minted-shop";
const CUSTOMER = "DEMO-IND-001";

let proxy: TestProxy;
let jwksServer: Server;
let rsa: { privateKey: CryptoKey; publicKey: CryptoKey };
let publicJwk: JWK;
let attacker: { privateKey: CryptoKey; publicKey: CryptoKey };

beforeAll(async () => {
  rsa = await generateKeyPair("RS256", { extractable: true });
  attacker = await generateKeyPair("RS256", { extractable: true });
  publicJwk = { ...(await exportJWK(rsa.publicKey)), kid: "partner-1", alg: "RS256", use: "sig" };
  jwksServer = createServer((_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
  const { port } = jwksServer.address() as AddressInfo;
  proxy = await startTestProxy({
    env: {
      LAUNCH_SECRET: SECRET,
      LAUNCH_JWKS_URL: `http://127.0.0.1:${String(port)}/jwks.json`,
      LAUNCH_ISSUER: ISSUER,
      LAUNCH_AUDIENCE: AUDIENCE,
    },
  });
});
afterAll(async () => {
  await proxy.close();
  await new Promise((resolve) => jwksServer.close(resolve));
});

const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

interface Claims {
  sub?: string;
  iat?: number;
  exp?: number;
  nbf?: number;
  jti?: string;
  aud?: string;
  iss?: string;
}
function claims(overrides: Claims = {}): Record<string, unknown> {
  return {
    sub: CUSTOMER,
    iat: now(),
    exp: now() + 300,
    jti: randomUUID(),
    aud: AUDIENCE,
    iss: ISSUER,
    ...overrides,
  };
}

const hs = (
  payload: Record<string, unknown>,
  key: Uint8Array = new TextEncoder().encode(SECRET),
  alg = "HS256",
) => new SignJWT(payload).setProtectedHeader({ alg, typ: "JWT" }).sign(key);
const rs = (
  payload: Record<string, unknown>,
  key: CryptoKey = rsa.privateKey,
  header: Record<string, unknown> = {},
) =>
  new SignJWT(payload).setProtectedHeader({ alg: "RS256", kid: "partner-1", ...header }).sign(key);

async function launch(token: string) {
  const res = await proxy.app.request("/api/session", {
    method: "POST",
    headers: { origin: TEST_ORIGIN, "content-type": "application/json", "accept-language": "en" },
    body: JSON.stringify({ token }),
  });
  return {
    status: res.status,
    cookie: res.headers.get("set-cookie"),
    body: (await res.json()) as unknown,
    type: res.headers.get("content-type"),
  };
}

async function expectRefused(token: string, reason?: string) {
  const res = await launch(token);
  expect(res.status, JSON.stringify(res.body)).toBe(401);
  expect(res.type).toContain("application/problem+json");
  expect(res.body).toMatchObject({ code: "unauthenticated", ...(reason ? { reason } : {}) });
  expect(res.cookie).toBeNull();
}

describe("launch tokens", () => {
  it("accepts a good HS256 and a good RS256 token once each (the controls)", async () => {
    const token = await hs(claims());
    expect((await launch(token)).status).toBe(200);
    await expectRefused(token, "replayed");
    const signed = await rs(claims());
    const res = await launch(signed);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.cookie).toContain("HttpOnly");
    await expectRefused(signed, "replayed");
  });

  it("refuses alg none, in any spelling", async () => {
    for (const alg of ["none", "None", "NONE", "nOnE"]) {
      await expectRefused(`${b64({ alg, typ: "JWT" })}.${b64(claims())}.`, "algorithm");
      await expectRefused(`${b64({ alg, typ: "JWT" })}.${b64(claims())}`);
    }
  });

  it("refuses HS/RS confusion: HS256 keyed with the RSA public key, RS256 with an unknown key", async () => {
    const pem = await exportSPKI(rsa.publicKey);
    await expectRefused(await hs(claims(), new TextEncoder().encode(pem)), "signature");
    await expectRefused(
      await hs(claims(), new TextEncoder().encode(JSON.stringify(publicJwk))),
      "signature",
    );
    await expectRefused(await rs(claims(), attacker.privateKey), "signature");
    // The token names its own key (embedded jwk, jku): never trusted.
    const attackerJwk = await exportJWK(attacker.publicKey);
    await expectRefused(
      await rs(claims(), attacker.privateKey, { jwk: attackerJwk, kid: undefined }),
    );
    await expectRefused(
      await rs(claims(), attacker.privateKey, { jku: "http://127.0.0.1:1/keys" }),
    );
    // Other HMAC strengths with the right secret: not the pinned algorithm.
    for (const alg of ["HS384", "HS512"])
      await expectRefused(await hs(claims(), new TextEncoder().encode(SECRET), alg), "algorithm");
  });

  it("refuses expired, not yet valid and over-long tokens", async () => {
    await expectRefused(await hs(claims({ iat: now() - 700, exp: now() - 100 })), "expired");
    await expectRefused(await hs(claims({ iat: now() + 3600, exp: now() + 3900 })));
    await expectRefused(await hs(claims({ nbf: now() + 600 })));
    await expectRefused(await hs(claims({ exp: now() + 86_400 })), "claims");
    await expectRefused(await rs(claims({ iat: now() - 700, exp: now() - 100 })), "expired");
  });

  it("refuses the wrong audience or issuer, and missing claims", async () => {
    await expectRefused(await hs(claims({ aud: "another-app" })), "claims");
    await expectRefused(await hs(claims({ iss: "https://evil.example" })), "claims");
    await expectRefused(await rs(claims({ aud: "another-app" })), "claims");
    const without = (name: string) =>
      Object.fromEntries(Object.entries(claims()).filter(([key]) => key !== name));
    for (const name of ["jti", "aud", "sub", "exp", "iat"])
      await expectRefused(await hs(without(name)));
    await expectRefused(await hs(claims({ sub: "../DEMO-CORP-001" })), "claims");
  });

  it("refuses tampered signatures and payloads", async () => {
    for (const token of [await hs(claims()), await rs(claims())]) {
      const [header = "", payload = "", signature = ""] = token.split(".");
      const flipped = (signature[0] === "A" ? "B" : "A") + signature.slice(1);
      await expectRefused(`${header}.${payload}.${flipped}`, "signature");
      const forged = b64({ ...claims(), sub: "DEMO-CORP-001" });
      await expectRefused(`${header}.${forged}.${signature}`, "signature");
      await expectRefused(`${header}.${payload}.`);
      await expectRefused(`${header}.${payload}`, "malformed");
    }
    await expectRefused("not-a-token", "malformed");
    await expectRefused("a.b.c", "malformed");
  });
});
