import { describe, expect, it } from "vitest";
import { createLogger } from "./log.ts";

function capture(level: "silent" | "error" | "warn" | "info" | "debug" = "debug") {
  const lines: string[] = [];
  const logger = createLogger(
    { LOG_LEVEL: level },
    { write: (line) => lines.push(line), clock: () => new Date("2026-01-02T03:04:05.000Z") },
  );
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l)) };
}

describe("logger", () => {
  it("writes one JSON object per line with time, level, msg and fields", () => {
    const { logger, lines, records } = capture();
    logger.info("hello", { a: 1 });
    expect(lines[0]?.endsWith("\n")).toBe(true);
    expect(records()).toEqual([
      { time: "2026-01-02T03:04:05.000Z", level: "info", msg: "hello", a: 1 },
    ]);
  });

  it("filters by level; silent prints nothing", () => {
    const warn = capture("warn");
    warn.logger.debug("d");
    warn.logger.info("i");
    warn.logger.warn("w");
    warn.logger.error("e");
    expect(warn.records().map((r) => r.level)).toEqual(["warn", "error"]);
    const silent = capture("silent");
    silent.logger.error("e");
    expect(silent.lines).toEqual([]);
  });

  it("child loggers add fields", () => {
    const { logger, records } = capture();
    logger.child({ request_id: "r1" }).child({ op: "x" }).info("m", { n: 2 });
    expect(records()[0]).toMatchObject({ request_id: "r1", op: "x", n: 2 });
  });

  it("drops sensitive keys at any depth, case-insensitively", () => {
    const { logger, lines } = capture();
    logger.child({ Cookie: "sid=1" }).info("m", {
      headers: { Authorization: "Digest x", "Set-Cookie": "a=b", accept: "json" },
      body: { token: "jwt", profile: { identity_number: "10000000146", TCKN: "1", name: "Ayşe" } },
      list: [{ password: "p", secret: "s", vkn: "1", tax_number: "2" }],
    });
    const text = lines.join("");
    for (const leaked of ["sid=1", "Digest x", "a=b", "jwt", "10000000146", '"p"', '"s"'])
      expect(text).not.toContain(leaked);
    expect(JSON.parse(text)).toMatchObject({
      headers: { accept: "json" },
      body: { profile: { name: "Ayşe" } },
      list: [{}],
    });
  });

  it("serialises errors and survives cycles; fields cannot forge the level", () => {
    const { logger, records } = capture();
    const cyclic: Record<string, unknown> = { name: "c" };
    cyclic.self = cyclic;
    logger.warn("m", { err: new Error("boom"), cyclic, level: "error", msg: "forged" });
    expect(records()[0]).toMatchObject({
      level: "warn",
      msg: "m",
      err: { name: "Error", message: "boom" },
      cyclic: { name: "c", self: "[circular]" },
    });
  });

  it("drops every *token/*secret/*password key and token shapes inside strings", () => {
    const { logger, lines } = capture();
    const jwe =
      "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AMl0bZPTpfQ0I32F.iIHjYiEDT6AZU9.DyouuAnhRZb";
    const jws = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJERU1PIn0.c2lnbmF0dXJl";
    logger.info(`launch ${jws}`, {
      launchToken: "L-1",
      cart_token: "C-2",
      priceToken: "P-3",
      SESSION_SECRET: "S-4",
      path: `/api/files/invoices/opaque-file-token-5/MC_1.pdf`,
      url: `https://shop.example/launch?to=%2F&token=Q-6#token=F-7`,
      err: new Error(`bad link ${jwe}`),
    });
    const text = lines.join("");
    for (const leaked of [
      "L-1",
      "C-2",
      "P-3",
      "S-4",
      "opaque-file-token-5",
      "Q-6",
      "F-7",
      jwe,
      jws,
    ])
      expect(text).not.toContain(leaked);
    expect(JSON.parse(text)).toMatchObject({
      msg: "launch [redacted]",
      path: "/api/files/invoices/[redacted]/MC_1.pdf",
      url: "https://shop.example/launch?to=%2F&token=[redacted]#token=[redacted]",
      err: { message: "bad link [redacted]" },
    });
  });
});
