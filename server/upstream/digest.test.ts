import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SandboxClock } from "../../sandbox/domain/clock.ts";
import {
  DigestVerifier,
  parseDigestHeader,
  type DigestAlgorithm,
} from "../../sandbox/http/digest.ts";
import { proxyEnvSchema } from "../env.ts";
import { createUpstream } from "./client.ts";
import {
  DigestAuth,
  digestResponse,
  parseAuthenticate,
  parseDigestChallenge,
  type SignedRequest,
} from "./digest.ts";
import { captureLogger } from "./test-logger.ts";

// RFC 7616 §3.9.1
const RFC = {
  username: "Mufasa",
  password: "Circle of Life",
  realm: "http-auth@example.org",
  nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
  opaque: "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS",
  cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
  method: "GET",
  uri: "/dir/index.html",
  nc: "00000001",
};
const RFC_CHALLENGE = (algorithm: string) =>
  `Digest realm="${RFC.realm}", qop="auth, auth-int", algorithm=${algorithm}, ` +
  `nonce="${RFC.nonce}", opaque="${RFC.opaque}"`;

describe("digestResponse (RFC 7616 §3.9.1)", () => {
  it("MD5", () => {
    expect(digestResponse({ ...RFC, algorithm: "MD5" })).toBe("8ca523f5e9506fed4657c9700eebdbec");
  });
  it("SHA-256", () => {
    expect(digestResponse({ ...RFC, algorithm: "SHA-256" })).toBe(
      "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
    );
  });
  it("-sess hashes the nonce and cnonce into HA1", () => {
    const h = (s: string) => createHash("sha256").update(s).digest("hex");
    const ha1 = h(
      `${h(`${RFC.username}:${RFC.realm}:${RFC.password}`)}:${RFC.nonce}:${RFC.cnonce}`,
    );
    const ha2 = h(`${RFC.method}:${RFC.uri}`);
    expect(digestResponse({ ...RFC, algorithm: "SHA-256-sess" })).toBe(
      h(`${ha1}:${RFC.nonce}:${RFC.nc}:${RFC.cnonce}:auth:${ha2}`),
    );
  });
});

describe("DigestAuth.sign", () => {
  const auth = (algorithm: string) => {
    const digest = new DigestAuth(RFC, () => RFC.cnonce);
    expect(digest.accept(RFC_CHALLENGE(algorithm))).toBe(true);
    return digest;
  };

  it.each([
    ["MD5", "8ca523f5e9506fed4657c9700eebdbec"],
    ["SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"],
  ])("answers the RFC challenge (%s) with every directive", (algorithm, response) => {
    const signed = auth(algorithm).sign("GET", "/dir/index.html");
    expect(parseDigestHeader(signed?.authorization ?? "")).toEqual({
      username: "Mufasa",
      realm: RFC.realm,
      uri: "/dir/index.html",
      algorithm,
      nonce: RFC.nonce,
      nc: "00000001",
      cnonce: RFC.cnonce,
      qop: "auth",
      response,
      opaque: RFC.opaque,
    });
  });

  it("counts nc in hex per nonce and starts again at 1 for a new nonce", () => {
    const digest = auth("MD5");
    const nc = (s: SignedRequest | null) => parseDigestHeader(s?.authorization ?? "")?.nc;
    const counts = Array.from({ length: 17 }, () => nc(digest.sign("GET", "/")));
    expect(counts.slice(0, 2)).toEqual(["00000001", "00000002"]);
    expect(counts.slice(-2)).toEqual(["00000010", "00000011"]);
    digest.accept(`Digest realm="r", qop="auth", nonce="second"`);
    expect(nc(digest.sign("GET", "/"))).toBe("00000001");
  });

  it("keeps a newer challenge when a request signed with an older nonce is answered", () => {
    const digest = auth("MD5");
    const old = digest.sign("GET", "/");
    expect(old).not.toBeNull();
    digest.accept(`Digest realm="r", qop="auth", nonce="newer"`, old ?? undefined);
    const signed = digest.sign("GET", "/");
    digest.accept(`Digest realm="r", qop="auth", nonce="newest"`, old ?? undefined);
    expect(digest.sign("GET", "/")?.nonce).toBe("newer");
    expect(signed?.nonce).toBe("newer");
  });

  it("escapes quotes and backslashes in quoted directives", () => {
    const digest = new DigestAuth({ username: 'a"b\\c', password: "p" });
    digest.accept(`Digest realm="r", qop="auth", nonce="n"`);
    const header = digest.sign("GET", '/x?q="1"')?.authorization ?? "";
    expect(parseDigestHeader(header)).toMatchObject({ username: 'a"b\\c', uri: '/x?q="1"' });
  });

  it.each<DigestAlgorithm>(["MD5", "SHA-256"])(
    "is accepted by an independent verifier (%s), out of order",
    (algorithm) => {
      const config = () => ({
        realm: "Minted Connect",
        username: "u",
        password: "p",
        algorithm,
        nonceTtlSeconds: 300,
      });
      const verifier = new DigestVerifier(config, new SandboxClock());
      const digest = new DigestAuth({ username: "u", password: "p" });
      digest.accept(verifier.challenge());
      const first = digest.sign("POST", "/partner/x?a=b+c");
      const second = digest.sign("POST", "/partner/x?a=b+c");
      expect(verifier.verify(second?.authorization, "POST", "/partner/x?a=b+c").ok).toBe(true);
      expect(verifier.verify(first?.authorization, "POST", "/partner/x?a=b+c").ok).toBe(true);
      expect(verifier.verify(first?.authorization, "POST", "/partner/x?a=b+c").ok).toBe(false);
    },
  );
});

describe("parseAuthenticate", () => {
  it("reads several challenges, quoted strings with escapes and commas, any case", () => {
    expect(
      parseAuthenticate(
        'Newauth realm="apps", type=1, title="Login to \\"apps\\", now", ' +
          'Basic realm="simple", DIGEST REALM="x", Nonce=abc, QOP="auth"',
      ),
    ).toEqual([
      { scheme: "Newauth", params: { realm: "apps", type: "1", title: 'Login to "apps", now' } },
      { scheme: "Basic", params: { realm: "simple" } },
      { scheme: "DIGEST", params: { realm: "x", nonce: "abc", qop: "auth" } },
    ]);
  });

  it("skips token68 credentials and empty list elements", () => {
    expect(parseAuthenticate(' , Negotiate YII+/x==, ,Digest realm="r" ,')).toEqual([
      { scheme: "Negotiate", params: {} },
      { scheme: "Digest", params: { realm: "r" } },
    ]);
  });

  it("stops at what it cannot parse and keeps the first of repeated parameters", () => {
    expect(parseAuthenticate('Digest nonce="a", nonce="b", @@@ realm="r"')).toEqual([
      { scheme: "Digest", params: { nonce: "a" } },
    ]);
    expect(parseAuthenticate("")).toEqual([]);
  });
});

describe("parseDigestChallenge", () => {
  it("picks the first Digest challenge it can answer", () => {
    const header =
      'Basic realm="r", Digest realm="r", nonce="n1", qop="auth", algorithm=SHA-512-256, ' +
      'Digest realm="r", nonce="n2", qop="auth-int,auth", algorithm=sha-256-SESS, stale=TRUE, ' +
      'Digest realm="r", nonce="n3", qop="auth"';
    expect(parseDigestChallenge(header)).toEqual({
      realm: "r",
      nonce: "n2",
      algorithm: "SHA-256-sess",
      stale: true,
    });
  });

  it("defaults to MD5, keeps opaque, and refuses challenges without qop=auth or a nonce", () => {
    expect(parseDigestChallenge('Digest realm="r", nonce="n", qop=auth, opaque=""')).toEqual({
      realm: "r",
      nonce: "n",
      opaque: "",
      algorithm: "MD5",
      stale: false,
    });
    expect(parseDigestChallenge('Digest realm="r", nonce="n"')).toBeNull();
    expect(parseDigestChallenge('Digest realm="r", nonce="n", qop="auth-int"')).toBeNull();
    expect(parseDigestChallenge('Digest realm="r", qop="auth"')).toBeNull();
    expect(parseDigestChallenge('Bearer realm="r", error="invalid_token"')).toBeNull();
  });
});

describe("single-flight challenge refresh", () => {
  it("runs one probe for every caller waiting on it", async () => {
    const digest = new DigestAuth({ username: "u", password: "p" });
    let probes = 0;
    const probe = async () => {
      probes++;
      await new Promise((r) => setTimeout(r, 10));
      return `Digest realm="r", qop="auth", nonce="n"`;
    };
    expect(await Promise.all(Array.from({ length: 10 }, () => digest.refresh(probe)))).toEqual(
      Array(10).fill(true),
    );
    expect(probes).toBe(1);
    await digest.refresh(probe);
    expect(probes).toBe(2);
  });

  it("cold concurrent calls share one challenge and take distinct nonce counts", async () => {
    const verifier = new DigestVerifier(
      () => ({
        realm: "Minted Connect",
        username: "demo-partner",
        password: "demo-secret",
        algorithm: "SHA-256",
        nonceTtlSeconds: 300,
      }),
      new SandboxClock(),
    );
    const seen: { authorization: string | null; status: number }[] = [];
    const fakeFetch: typeof fetch = async (input, init) => {
      await new Promise((r) => setTimeout(r, 5));
      const url = new URL(input instanceof Request ? input.url : input);
      const authorization = new Headers(init?.headers).get("authorization");
      const result = verifier.verify(
        authorization ?? undefined,
        init?.method ?? "GET",
        url.pathname + url.search,
      );
      seen.push({ authorization, status: result.ok ? 200 : 401 });
      if (!result.ok)
        return Response.json(
          { success: false, code: 401, message: "Unauthenticated." },
          { status: 401, headers: { "www-authenticate": verifier.challenge(result.stale) } },
        );
      return Response.json({ data: [], success: true, code: 0, message: "" });
    };
    const env = proxyEnvSchema.parse({ NODE_ENV: "test", MINTED_API_URL: "http://upstream.test" });
    const upstream = createUpstream({ env, logger: captureLogger().logger, fetch: fakeFetch });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => upstream.call({ op: "categories" })),
    );
    expect(results).toEqual(Array(20).fill([]));
    expect(upstream.stats()).toEqual({ requests: 21, challenges: 1, retries: 0 });
    expect(seen.filter((s) => s.status === 401)).toEqual([{ authorization: null, status: 401 }]);
    const counts = seen.flatMap((s) => parseDigestHeader(s.authorization ?? "")?.nc ?? []);
    expect(new Set(counts).size).toBe(20);
    await upstream.close();
  });
});
