import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import {
  DEMO_PASSWORD,
  DEMO_USERNAME,
  DEV_LAUNCH_SECRET,
  DEV_SESSION_SECRET,
  readProxyEnv,
} from "./env.ts";
import { TEST_PRODUCTION_ENV } from "./test-support.ts";

/** The message readProxyEnv throws ("" when it does not). */
function refusal(env: Record<string, string | undefined>): string {
  try {
    readProxyEnv(env);
    return "";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe("proxy environment", () => {
  it("one message lists every bad variable", () => {
    let message = "";
    try {
      readProxyEnv({
        PORT: "eighty",
        LOG_LEVEL: "loud",
        FRAME_ANCESTORS: "https://bank.example/path",
        SESSION_SECRET: "short",
      });
    } catch (error) {
      message = error instanceof Error ? error.message : "";
    }
    for (const name of ["PORT", "LOG_LEVEL", "FRAME_ANCESTORS", "SESSION_SECRET"])
      expect(message).toMatch(new RegExp(`^  ${name}[.:]`, "m"));
  });

  it("production without SESSION_SECRET (or launch keys) is refused; sandbox mode has dev defaults", () => {
    expect(() => readProxyEnv({ NODE_ENV: "production" })).toThrow(
      /SESSION_SECRET: required in production/,
    );
    expect(() => readProxyEnv({ NODE_ENV: "production", SESSION_SECRET: "s".repeat(40) })).toThrow(
      /LAUNCH_SECRET/,
    );
    expect(readProxyEnv({ NODE_ENV: "production", SANDBOX: "1" }).sandboxMode).toBe(true);
  });

  it("production without the invoice seller (INVOICE_SELLER_*) is refused, naming each variable", () => {
    const {
      INVOICE_SELLER_NAME,
      INVOICE_SELLER_TAX_OFFICE,
      INVOICE_SELLER_TAX_NUMBER,
      INVOICE_SELLER_ADDRESS,
      ...secrets
    } = TEST_PRODUCTION_ENV;
    const seller = {
      INVOICE_SELLER_NAME,
      INVOICE_SELLER_TAX_OFFICE,
      INVOICE_SELLER_TAX_NUMBER,
      INVOICE_SELLER_ADDRESS,
    };
    let message = "";
    try {
      readProxyEnv(secrets);
    } catch (error) {
      message = error instanceof Error ? error.message : "";
    }
    for (const name of Object.keys(seller))
      expect(message).toMatch(new RegExp(`^  ${name}: required in production`, "m"));
    expect(() => readProxyEnv({ ...secrets, ...seller, INVOICE_SELLER_ADDRESS: "" })).toThrow(
      /INVOICE_SELLER_ADDRESS: required in production/,
    );
    expect(readProxyEnv({ ...secrets, ...seller })).toMatchObject(seller);
    // Development and sandbox mode print a sample seller instead.
    expect(() => readProxyEnv({ NODE_ENV: "development" })).not.toThrow();
    expect(() => readProxyEnv({ NODE_ENV: "production", SANDBOX: "1" })).not.toThrow();
  });

  it("a complete production configuration starts; HOST is every interface there", () => {
    expect(refusal(TEST_PRODUCTION_ENV)).toBe("");
    expect(readProxyEnv(TEST_PRODUCTION_ENV).HOST).toBe("0.0.0.0");
  });

  it("production refuses each unsafe setting, all named in one message", () => {
    const message = refusal({
      NODE_ENV: "production",
      SESSION_SECRET: DEV_SESSION_SECRET,
      LAUNCH_SECRET: DEV_LAUNCH_SECRET,
      MINTED_API_URL: "http://minted.example",
      INVOICE_SELLER_NAME: "Örnek Banka A.Ş.",
    });
    for (const line of [
      /^ {2}SESSION_SECRET: published in the repository/m,
      /^ {2}LAUNCH_SECRET: published in the repository/m,
      /^ {2}MINTED_USERNAME: the sandbox's demo user/m,
      /^ {2}MINTED_PASSWORD: the sandbox's demo password/m,
      /^ {2}MINTED_API_URL: http: in production/m,
      /^ {2}PUBLIC_URL: required in production/m,
      /^ {2}REDIS_URL: required in production/m,
      /^ {2}INVOICE_SELLER_ADDRESS: required in production/m,
    ])
      expect(message).toMatch(line);
  });

  it.each([
    ["the development session secret", "SESSION_SECRET", { SESSION_SECRET: DEV_SESSION_SECRET }],
    ["the development launch secret", "LAUNCH_SECRET", { LAUNCH_SECRET: DEV_LAUNCH_SECRET }],
    ["a one-letter secret as the tests use", "SESSION_SECRET", { SESSION_SECRET: "s".repeat(40) }],
    ["the demo user", "MINTED_USERNAME", { MINTED_USERNAME: DEMO_USERNAME }],
    ["the demo password", "MINTED_PASSWORD", { MINTED_PASSWORD: DEMO_PASSWORD }],
    [
      "an http: upstream",
      "MINTED_API_URL",
      { ALLOW_HTTP_UPSTREAM: "0", MINTED_API_URL: "http://10.0.0.5" },
    ],
    ["no PUBLIC_URL", "PUBLIC_URL", { PUBLIC_URL: undefined }],
    ["no REDIS_URL without SINGLE_INSTANCE=1", "REDIS_URL", { SINGLE_INSTANCE: "0" }],
  ])("production refuses %s, naming %s", (_what, name, change) => {
    const message = refusal({ ...TEST_PRODUCTION_ENV, ...change });
    expect(message).toMatch(new RegExp(`^  ${name}: `, "m"));
    // Only that problem is named.
    expect(message.split("\n").filter((line) => line.startsWith("  "))).toHaveLength(1);
  });

  it("production allows an http: upstream with ALLOW_HTTP_UPSTREAM=1, and one instance without Redis only with SINGLE_INSTANCE=1", () => {
    const base = { ...TEST_PRODUCTION_ENV, MINTED_API_URL: "http://minted.internal:8080" };
    expect(refusal({ ...base, ALLOW_HTTP_UPSTREAM: "1" })).toBe("");
    expect(refusal({ ...base, SINGLE_INSTANCE: "", REDIS_URL: "redis://redis:6379" })).toBe("");
  });

  it("development and sandbox mode take the published secrets only while listening on loopback", () => {
    for (const mode of [
      { NODE_ENV: "development" },
      { NODE_ENV: "test" },
      { NODE_ENV: "production", SANDBOX: "1" },
    ]) {
      // Default: loopback, the development secrets.
      const local = readProxyEnv(mode);
      expect(local.HOST).toBe("127.0.0.1");
      expect(local.SESSION_SECRET).toBe(DEV_SESSION_SECRET);
      expect(refusal({ ...mode, HOST: "::1" })).toBe("");
      // Reachable by others: the published secrets (defaulted or set) are refused, each named.
      const open = refusal({ ...mode, HOST: "0.0.0.0" });
      expect(open).toMatch(/^ {2}SESSION_SECRET: unset, so the development secret/m);
      expect(open).toMatch(/^ {2}LAUNCH_SECRET: unset, so the development secret/m);
      expect(refusal({ ...mode, HOST: "0.0.0.0", SESSION_SECRET: DEV_SESSION_SECRET })).toMatch(
        /^ {2}SESSION_SECRET: published in the repository; allowed only while listening on loopback/m,
      );
      // With secrets of its own, a reachable development proxy starts.
      const own = {
        SESSION_SECRET: TEST_PRODUCTION_ENV.SESSION_SECRET,
        LAUNCH_SECRET: TEST_PRODUCTION_ENV.LAUNCH_SECRET,
      };
      expect(refusal({ ...mode, HOST: "0.0.0.0", ...own })).toBe("");
    }
  });

  it("TRUST_PROXY is a hop count or addresses/CIDRs", () => {
    expect(readProxyEnv({ NODE_ENV: "test" }).TRUST_PROXY).toEqual({ kind: "none" });
    expect(readProxyEnv({ NODE_ENV: "test", TRUST_PROXY: "2" }).TRUST_PROXY).toEqual({
      kind: "hops",
      hops: 2,
    });
    expect(
      readProxyEnv({ NODE_ENV: "test", TRUST_PROXY: "10.0.0.0/8, 127.0.0.1 ::1 fd00::/8" })
        .TRUST_PROXY.kind,
    ).toBe("list");
    expect(refusal({ NODE_ENV: "test", TRUST_PROXY: "10.0.0.0/33" })).toMatch(
      /^ {2}TRUST_PROXY: /m,
    );
    expect(refusal({ NODE_ENV: "test", TRUST_PROXY: "load-balancer" })).toMatch(
      /^ {2}TRUST_PROXY: a hop count or addresses\/CIDRs/m,
    );
  });

  it("the invoice-link origin is PUBLIC_URL, else the listening address (never a request's Host)", () => {
    expect(readProxyEnv({ NODE_ENV: "test", PUBLIC_URL: "https://shop.example/" }).shopOrigin).toBe(
      "https://shop.example",
    );
    expect(readProxyEnv({ NODE_ENV: "development", PORT: "8081" }).shopOrigin).toBe(
      "http://127.0.0.1:8081",
    );
  });

  it("the proxy process prints the message and exits 1", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: { PATH: process.env.PATH, NODE_ENV: "production", PORT: "nope" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Invalid proxy environment");
    expect(result.stderr).toContain("PORT:");
    // Production's own needs are listed too, not hidden behind the first bad variable.
    expect(result.stderr).toContain("SESSION_SECRET: required in production");
    expect(result.stderr).toContain("LAUNCH_SECRET:");
    expect(result.stderr).toContain("INVOICE_SELLER_NAME: required in production");
  });

  it("a sandbox-mode proxy listening beyond loopback with the published secrets does not start", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: {
        PATH: process.env.PATH,
        SANDBOX: "1",
        NODE_ENV: "production",
        HOST: "0.0.0.0",
        PORT: "10109",
        SESSION_SECRET: DEV_SESSION_SECRET,
      },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^ {2}SESSION_SECRET: published in the repository/m);
    expect(result.stderr).toMatch(/^ {2}LAUNCH_SECRET: unset, so the development secret/m);
  });
});
