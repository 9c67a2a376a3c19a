import { createHash, timingSafeEqual } from "node:crypto";
import type { SandboxClock } from "../domain/clock.ts";
import { token } from "../domain/random.ts";

export type DigestAlgorithm = "MD5" | "SHA-256";

export interface DigestConfig {
  realm: string;
  username: string;
  password: string;
  algorithm: DigestAlgorithm;
  nonceTtlSeconds: number;
}

/** How many nonce-counts below the highest seen are still accepted (out-of-order, not replayed). */
const NC_WINDOW = 1024;
const MAX_NONCES = 50_000;

interface NonceState {
  issuedAt: number;
  opaque: string;
  highest: number;
  seen: Set<number>;
}

export type DigestResult =
  { ok: true; username: string } | { ok: false; stale: boolean; reason: string };

/** Parse an RFC 7616 `Authorization: Digest …` header (quoted-string escapes included). */
export function parseDigestHeader(header: string): Record<string, string> | null {
  const match = /^\s*Digest\s+/i.exec(header);
  if (!match) return null;
  const params: Record<string, string> = {};
  const re = /([A-Za-z0-9_*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*(?:,|$)/gy;
  re.lastIndex = match[0].length;
  let m: RegExpExecArray | null;
  while (re.lastIndex < header.length && (m = re.exec(header)) !== null) {
    const key = (m[1] ?? "").toLowerCase();
    const value = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : (m[3] ?? "");
    if (key in params) return null; // duplicate directives are malformed
    params[key] = value;
    while (header[re.lastIndex] === " ") re.lastIndex++;
  }
  return params;
}

export function hashHex(algorithm: DigestAlgorithm, value: string): string {
  return createHash(algorithm === "MD5" ? "md5" : "sha256")
    .update(value, "utf8")
    .digest("hex");
}

/** RFC 7616 §3.4.1 `response` for qop=auth (non-session algorithms). */
export function digestResponse(p: {
  algorithm: DigestAlgorithm;
  username: string;
  realm: string;
  password: string;
  method: string;
  uri: string;
  nonce: string;
  nc: string;
  cnonce: string;
  qop: string;
}): string {
  const ha1 = hashHex(p.algorithm, `${p.username}:${p.realm}:${p.password}`);
  const ha2 = hashHex(p.algorithm, `${p.method}:${p.uri}`);
  return hashHex(p.algorithm, `${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`);
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * The server half of HTTP Digest (RFC 7616, qop=auth): issues nonces, verifies responses,
 * counts `nc` per nonce (a replayed count is refused, counts may arrive out of order within a
 * window), and expires nonces on the sandbox clock (then `stale=true`).
 */
export class DigestVerifier {
  readonly #nonces = new Map<string, NonceState>();

  constructor(
    private readonly config: () => DigestConfig,
    private readonly clock: SandboxClock,
  ) {}

  challenge(stale = false): string {
    const { realm, algorithm } = this.config();
    const nonce = token(32, "0123456789abcdef");
    const opaque = token(32, "0123456789abcdef");
    this.#prune();
    this.#nonces.set(nonce, { issuedAt: this.clock.now(), opaque, highest: 0, seen: new Set() });
    return (
      `Digest realm="${realm}", qop="auth", algorithm=${algorithm}, nonce="${nonce}", ` +
      `opaque="${opaque}"${stale ? ", stale=true" : ""}`
    );
  }

  verify(header: string | undefined, method: string, requestTarget: string): DigestResult {
    if (!header) return { ok: false, stale: false, reason: "missing" };
    const p = parseDigestHeader(header);
    if (!p) return { ok: false, stale: false, reason: "malformed" };
    const cfg = this.config();
    const { username, realm, nonce, uri, response, qop, nc, cnonce, opaque } = p;
    if (!username || !realm || !nonce || !uri || !response || !nc || !cnonce)
      return { ok: false, stale: false, reason: "missing directive" };
    if (qop !== "auth") return { ok: false, stale: false, reason: "qop" };
    const algorithm = (p.algorithm ?? "MD5").toUpperCase();
    if (algorithm !== cfg.algorithm) return { ok: false, stale: false, reason: "algorithm" };
    if (realm !== cfg.realm) return { ok: false, stale: false, reason: "realm" };
    if (uri !== requestTarget) return { ok: false, stale: false, reason: "uri mismatch" };
    if (!/^[0-9a-fA-F]{8}$/.test(nc)) return { ok: false, stale: false, reason: "nc format" };
    const state = this.#nonces.get(nonce);
    if (!state) return { ok: false, stale: false, reason: "unknown nonce" };
    if (opaque !== state.opaque) return { ok: false, stale: false, reason: "opaque" };

    const expected = digestResponse({ ...cfg, method, uri, nonce, nc, cnonce, qop });
    if (username !== cfg.username || !safeEqual(expected, response.toLowerCase()))
      return { ok: false, stale: false, reason: "credentials" };

    // Valid credentials on an expired nonce: tell the client to retry with a fresh one.
    if (this.clock.now() - state.issuedAt > cfg.nonceTtlSeconds * 1000) {
      this.#nonces.delete(nonce);
      return { ok: false, stale: true, reason: "stale nonce" };
    }
    const count = Number.parseInt(nc, 16);
    if (count < 1 || state.seen.has(count) || count <= state.highest - NC_WINDOW)
      return { ok: false, stale: false, reason: "replayed nc" };
    state.seen.add(count);
    if (count > state.highest) {
      state.highest = count;
      if (state.seen.size > NC_WINDOW * 2)
        for (const n of state.seen) if (n <= state.highest - NC_WINDOW) state.seen.delete(n);
    }
    return { ok: true, username };
  }

  reset(): void {
    this.#nonces.clear();
  }

  #prune(): void {
    const ttl = this.config().nonceTtlSeconds * 1000;
    const now = this.clock.now();
    if (this.#nonces.size < MAX_NONCES) {
      if (this.#nonces.size % 256 !== 0) return;
    }
    for (const [nonce, state] of this.#nonces)
      if (now - state.issuedAt > ttl * 2) this.#nonces.delete(nonce);
    while (this.#nonces.size >= MAX_NONCES) {
      const oldest = this.#nonces.keys().next().value;
      if (oldest === undefined) break;
      this.#nonces.delete(oldest);
    }
  }
}
