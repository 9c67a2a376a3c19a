import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT, UnsecuredJWT, exportJWK, exportSPKI, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_LAUNCH_SECRET, proxyEnvSchema } from "../env.ts";
import { createLogger } from "../log.ts";
import { ApiError } from "../problem.ts";
import { createMemoryStore } from "../store/memory-store.ts";
import { TEST_PRODUCTION_ENV } from "../test-support.ts";
import { createLaunchVerifier, mintDevLaunchToken } from "./launch-token.ts";

const NOW = Date.UTC(2026, 4, 1, 12, 0, 0);
const nowS = Math.floor(NOW / 1000);
const hs = new TextEncoder().encode(DEV_LAUNCH_SECRET);

function sign(
  claims: Record<string, unknown>,
  opts: {
    key?: Parameters<SignJWT["sign"]>[0];
    alg?: string;
    iat?: number;
    exp?: number;
    aud?: string;
    jti?: string | null;
    iss?: string;
  } = {},
) {
  const iat = opts.iat ?? nowS;
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: opts.alg ?? "HS256" })
    .setSubject("DEMO-IND-001")
    .setAudience(opts.aud ?? "minted-shop")
    .setIssuedAt(iat)
    .setExpirationTime(opts.exp ?? iat + 300);
  if (opts.jti !== null) jwt.setJti(opts.jti ?? crypto.randomUUID());
  if (opts.iss) jwt.setIssuer(opts.iss);
  return jwt.sign(opts.key ?? hs);
}

function verifier(envOverrides: Record<string, string> = {}, lines: string[] = []) {
  const env = proxyEnvSchema.parse({ NODE_ENV: "test", ...envOverrides });
  return createLaunchVerifier({
    env,
    store: createMemoryStore(),
    logger: createLogger({ LOG_LEVEL: "debug" }, { write: (l) => lines.push(l) }),
    now: () => NOW,
  });
}

async function refusal(promise: Promise<unknown>): Promise<{ reason: unknown; errors: unknown }> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  if (!(error instanceof ApiError)) throw new Error("not refused");
  expect(error.code).toBe("unauthenticated");
  expect(error.status).toBe(401);
  return { reason: error.options.extra?.reason, errors: error.options.errors };
}

describe("launch token", () => {
  let jwksServer: Server;
  let jwksUrl: string;
  let rsa: Awaited<ReturnType<typeof generateKeyPair>>;

  beforeAll(async () => {
    rsa = await generateKeyPair("RS256", { extractable: true });
    const jwk = { ...(await exportJWK(rsa.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    jwksServer = createServer((_, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
    jwksUrl = `http://127.0.0.1:${String((jwksServer.address() as AddressInfo).port)}/jwks.json`;
  });
  afterAll(() => new Promise((resolve) => jwksServer.close(resolve)));

  it("accepts a valid HS256 token with profile, locale, currency and theme", async () => {
    const token = await sign({
      profile: {
        firstname: "Ayşe",
        lastname: "Yılmaz",
        email: "ayse@example.com",
        phone: "+905321112233",
        identity_number: "10000000146",
      },
      locale: "en",
      currency: "EUR",
      theme: { "--color-primary": "#0a7d5a", "--radius-card": "12px" },
    });
    const claims = await verifier().verify(token);
    expect(claims).toMatchObject({ sub: "DEMO-IND-001", locale: "en", currency: "EUR" });
    expect(claims.profile?.identity_number).toBe("10000000146");
  });

  it("refuses a replayed jti", async () => {
    const v = verifier();
    const token = await sign({});
    await v.verify(token);
    expect((await refusal(v.verify(token))).reason).toBe("replayed");
  });

  it("refuses expired tokens, with a 30 s clock tolerance", async () => {
    const v = verifier();
    expect(
      (await refusal(v.verify(await sign({}, { iat: nowS - 400, exp: nowS - 31 })))).reason,
    ).toBe("expired");
    await expect(
      v.verify(await sign({}, { iat: nowS - 400, exp: nowS - 20 })),
    ).resolves.toBeTruthy();
  });

  it("refuses tokens living longer than 10 minutes, or issued in the future", async () => {
    const v = verifier();
    expect((await refusal(v.verify(await sign({}, { exp: nowS + 601 })))).reason).toBe("claims");
    await expect(v.verify(await sign({}, { exp: nowS + 600 }))).resolves.toBeTruthy();
    await refusal(v.verify(await sign({}, { iat: nowS + 120, exp: nowS + 300 })));
  });

  it("refuses a bad signature, a wrong audience, a wrong issuer, a missing jti", async () => {
    const v = verifier({ LAUNCH_ISSUER: "https://partner.example" });
    const iss = "https://partner.example";
    await expect(v.verify(await sign({}, { iss }))).resolves.toBeTruthy();
    const other = new TextEncoder().encode("x".repeat(48));
    expect((await refusal(v.verify(await sign({}, { key: other, iss })))).reason).toBe("signature");
    expect((await refusal(v.verify(await sign({}, { aud: "someone-else", iss })))).reason).toBe(
      "claims",
    );
    expect((await refusal(v.verify(await sign({}, { iss: "https://evil.example" })))).reason).toBe(
      "claims",
    );
    expect((await refusal(v.verify(await sign({}, { jti: null, iss })))).reason).toBe("claims");
    expect((await refusal(v.verify("not-a-jwt"))).reason).toBe("malformed");
  });

  it("refuses alg: none", async () => {
    const token = new UnsecuredJWT({ jti: "j1" })
      .setSubject("DEMO-IND-001")
      .setAudience("minted-shop")
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + 300)
      .encode();
    expect((await refusal(verifier().verify(token))).reason).toBe("algorithm");
  });

  it("accepts RS256 from the JWKS and refuses HS/RS confusion", async () => {
    // RS256 only: no HS256 secret.
    const prod = {
      ...Object.fromEntries(
        Object.entries(TEST_PRODUCTION_ENV).filter(([name]) => name !== "LAUNCH_SECRET"),
      ),
      LAUNCH_JWKS_URL: jwksUrl,
    };
    const v = verifier(prod);
    const rs = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setSubject("CUST-1")
      .setAudience("minted-shop")
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + 300)
      .setJti("rs-1")
      .sign(rsa.privateKey);
    expect((await v.verify(rs)).sub).toBe("CUST-1");

    // The classic confusion: an HS256 token whose "secret" is the server's RSA public key.
    const publicPem = new TextEncoder().encode(await exportSPKI(rsa.publicKey));
    const confused = await sign({}, { key: publicPem });
    expect((await refusal(v.verify(confused))).reason).toBe("algorithm");
    // Also when an HS256 secret is configured beside the JWKS (sandbox mode's default).
    await refusal(
      verifier({ LAUNCH_JWKS_URL: jwksUrl }).verify(await sign({}, { key: publicPem })),
    );
    // And RS256 when only a secret is configured.
    const rs2 = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256" })
      .setSubject("C")
      .setAudience("minted-shop")
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + 60)
      .setJti("rs-2")
      .sign(rsa.privateKey);
    expect((await refusal(verifier().verify(rs2))).reason).toBe("algorithm");
    // Unexpected algorithms even with a valid secret.
    await refusal(
      verifier().verify(
        await sign(
          {},
          { alg: "HS512", key: new TextEncoder().encode(DEV_LAUNCH_SECRET.repeat(2)) },
        ),
      ),
    );
  });

  it("validates the claims with field errors: sub, theme, profile", async () => {
    const v = verifier();
    const badSub = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("bad id!")
      .setAudience("minted-shop")
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + 60)
      .setJti("s1")
      .sign(hs);
    expect((await refusal(v.verify(badSub))).errors).toHaveProperty("sub");
    const theme = await refusal(
      v.verify(await sign({ theme: { "--x": "red; background: url(https://evil)" } })),
    );
    expect(theme.errors).toHaveProperty(["theme.--x"]);
    await refusal(v.verify(await sign({ theme: { color: "red" } })));
    await refusal(v.verify(await sign({ theme: { "--x": "} body { display:none" } })));
    await refusal(
      v.verify(await sign({ theme: { "--x": 'image-set("https://evil.example/x.png" 1x)' } })),
    );
    await expect(
      v.verify(await sign({ theme: { "--font": '"Inter", system-ui', "--radius": "12px" } })),
    ).resolves.toBeTruthy();
    await refusal(v.verify(await sign({ locale: "de" })));
    await refusal(v.verify(await sign({ currency: "JPY" })));
    const tckn = await refusal(
      v.verify(await sign({ profile: { identity_number: "12345678901" } })),
    );
    expect(tckn.errors).toHaveProperty(["profile.identity_number"]);
  });

  it("never logs the token", async () => {
    const lines: string[] = [];
    const v = verifier({}, lines);
    const token = await sign({}, { exp: nowS + 601 });
    await refusal(v.verify(token));
    expect(lines.length).toBeGreaterThan(0);
    const [, payload = "", signature = ""] = token.split(".");
    for (const line of lines) {
      expect(line).not.toContain(payload);
      expect(line).not.toContain(signature);
    }
  });

  it("mints dev tokens only in sandbox mode, with a random jti and 5-minute expiry", async () => {
    const env = proxyEnvSchema.parse({ NODE_ENV: "test" });
    const token = await mintDevLaunchToken(env, "DEMO-IND-001", { nowMs: NOW, locale: "en" });
    const claims = await verifier().verify(token);
    expect(claims.exp - claims.iat).toBe(300);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    const prod = proxyEnvSchema.parse(TEST_PRODUCTION_ENV);
    await expect(mintDevLaunchToken(prod, "DEMO-IND-001")).rejects.toThrow(/sandbox/);
  });
});
