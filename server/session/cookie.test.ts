import { describe, expect, it } from "vitest";
import type { Session } from "../deps.ts";
import { proxyEnvSchema } from "../env.ts";
import {
  MAX_COOKIE_BYTES,
  clearSessionCookie,
  encodeSessionCookie,
  readSessionCookie,
  sessionSetCookie,
} from "./cookie.ts";

const env = proxyEnvSchema.parse({ NODE_ENV: "test", SESSION_SECRET: "s".repeat(40) });
const now = Date.UTC(2026, 0, 1);
const session: Session = {
  sid: "0b6f7c1e-3f0a-4d4e-9d8e-1c2b3a4d5e6f",
  kind: "launch",
  customer: "DEMO-IND-001",
  locale: "en",
  currency: "USD",
  theme: { "--color-primary": "#0a7d5a" },
  guestBasket: [],
  exp: Math.floor(now / 1000) + 3600,
};

describe("session cookie", () => {
  it("round-trips an encrypted session", async () => {
    const pair = await encodeSessionCookie(session, env, false);
    expect(pair.startsWith("minted_session=")).toBe(true);
    // Encrypted: nothing of the session is readable.
    expect(pair).not.toContain("DEMO");
    expect(Buffer.from(pair.split(".")[3] ?? "", "base64url").toString()).not.toContain("DEMO");
    expect(
      await readSessionCookie(`a=b; ${pair}; c=d`, env, { secure: false, nowMs: now }),
    ).toEqual(session);
  });

  it("Set-Cookie: HttpOnly, SameSite=Lax, Path=/, Max-Age; Secure and __Host- over HTTPS", async () => {
    const plain = await sessionSetCookie(session, env, false, now);
    expect(plain).toMatch(/^minted_session=[^;]+; Path=\/; Max-Age=3600; HttpOnly; SameSite=Lax$/);
    const secure = await sessionSetCookie(session, env, true, now);
    expect(secure).toMatch(
      /^__Host-minted_session=[^;]+; Path=\/; Max-Age=3600; HttpOnly; SameSite=Lax; Secure$/,
    );
    expect(clearSessionCookie(true)).toBe(
      "__Host-minted_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure",
    );
  });

  it("over HTTPS reads only the __Host- cookie", async () => {
    const plain = await encodeSessionCookie(session, env, false);
    expect(await readSessionCookie(plain, env, { secure: true, nowMs: now })).toBeNull();
    const hosted = await encodeSessionCookie(session, env, true);
    expect(await readSessionCookie(hosted, env, { secure: true, nowMs: now })).toEqual(session);
  });

  it("refuses tampered, foreign-key and expired cookies", async () => {
    const pair = await encodeSessionCookie(session, env, false);
    const [name, value = ""] = pair.split("=");
    const parts = value.split(".");
    const ciphertext = parts[3] ?? "";
    const flipped = (ciphertext[0] === "A" ? "B" : "A") + ciphertext.slice(1);
    parts[3] = flipped;
    expect(await readSessionCookie(`${name}=${parts.join(".")}`, env, { nowMs: now })).toBeNull();
    expect(await readSessionCookie(`${name}=garbage`, env, { nowMs: now })).toBeNull();
    const other = proxyEnvSchema.parse({ NODE_ENV: "test", SESSION_SECRET: "t".repeat(40) });
    expect(await readSessionCookie(pair, other, { nowMs: now })).toBeNull();
    expect(await readSessionCookie(pair, env, { nowMs: now + 3601_000 })).toBeNull();
    expect(await readSessionCookie(undefined, env)).toBeNull();
  });

  it("refuses to write an invalid session", async () => {
    await expect(encodeSessionCookie({ ...session, customer: "bad id!" }, env)).rejects.toThrow();
  });

  it("stays under 4 KB with a full partner theme, or a full guest basket", async () => {
    const launch: Session = {
      ...session,
      theme: Object.fromEntries(
        Array.from({ length: 12 }, (_, i) => [
          `--${"v".repeat(38)}${String(i).padStart(2, "0")}`,
          "x".repeat(100),
        ]),
      ),
    };
    const guest: Session = {
      ...session,
      kind: "guest",
      customer: null,
      theme: null,
      guestBasket: Array.from({ length: 30 }, (_, i) => ({
        sku: `S${String(i).padStart(63, "X")}`,
        qty: 123.4567,
      })),
    };
    for (const big of [launch, guest]) {
      const header = await sessionSetCookie(big, env, true, now);
      expect(Buffer.byteLength(header.split(";")[0] ?? "")).toBeLessThan(MAX_COOKIE_BYTES);
      expect(
        await readSessionCookie(header.split(";")[0], env, { secure: true, nowMs: now }),
      ).toEqual(big);
    }
  });
});
