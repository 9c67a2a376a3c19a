import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { readProxyEnv } from "./env.ts";

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
    const secrets = { SESSION_SECRET: "s".repeat(40), LAUNCH_SECRET: "l".repeat(40) };
    const seller = {
      INVOICE_SELLER_NAME: "Örnek Banka Kıymetli Madenler A.Ş.",
      INVOICE_SELLER_TAX_OFFICE: "Boğaziçi Kurumlar",
      INVOICE_SELLER_TAX_NUMBER: "4610427530",
      INVOICE_SELLER_ADDRESS: "Büyükdere Cad. No: 1, 34330 Beşiktaş / İstanbul",
    };
    let message = "";
    try {
      readProxyEnv({ NODE_ENV: "production", ...secrets });
    } catch (error) {
      message = error instanceof Error ? error.message : "";
    }
    for (const name of Object.keys(seller))
      expect(message).toMatch(new RegExp(`^  ${name}: required in production`, "m"));
    expect(() =>
      readProxyEnv({ NODE_ENV: "production", ...secrets, ...seller, INVOICE_SELLER_ADDRESS: "" }),
    ).toThrow(/INVOICE_SELLER_ADDRESS: required in production/);
    expect(readProxyEnv({ NODE_ENV: "production", ...secrets, ...seller })).toMatchObject(seller);
    // Development and sandbox mode print a sample seller instead.
    expect(() => readProxyEnv({ NODE_ENV: "development" })).not.toThrow();
    expect(() => readProxyEnv({ NODE_ENV: "production", SANDBOX: "1" })).not.toThrow();
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
});
