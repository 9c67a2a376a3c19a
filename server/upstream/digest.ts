import { createHash, randomBytes } from "node:crypto";

/**
 * HTTP Digest access authentication, client side (RFC 7616, qop=auth), on node:crypto.
 * `DigestAuth` keeps one server nonce and signs every request with it (the nonce count `nc`
 * going up by one each time), so a warm client sends exactly one request per call.
 */

export type DigestAlgorithm = "MD5" | "SHA-256" | "MD5-sess" | "SHA-256-sess";

const HASHES: Record<DigestAlgorithm, string> = {
  MD5: "md5",
  "SHA-256": "sha256",
  "MD5-sess": "md5",
  "SHA-256-sess": "sha256",
};

function isAlgorithm(name: string): name is DigestAlgorithm {
  return Object.hasOwn(HASHES, name);
}

/** One challenge of a `WWW-Authenticate` header: the scheme and its parameters (names lower-cased). */
export interface AuthChallenge {
  scheme: string;
  params: Record<string, string>;
}

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque?: string;
  algorithm: DigestAlgorithm;
  stale: boolean;
}

const TOKEN = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
const QUOTED = /"((?:[^"\\]|\\.)*)"/y;
const SPACE = /[ \t]*/y;
const SEPARATORS = /[ \t,]*/y;
/** A token68 credential (`Negotiate YII…==`) standing alone after a scheme. */
const TOKEN68 = /[A-Za-z0-9\-._~+/]+=*(?=[ \t]*(?:,|$))/y;

/** Match `re` (sticky) at `pos`; the match, or null. */
function matchAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/**
 * Parse a `WWW-Authenticate` value (RFC 9110 §11.6.1) into its challenges. A value may hold
 * several challenges (and `Headers.get` joins several header lines with ", "); parameter values
 * are tokens or quoted strings with backslash escapes.
 */
export function parseAuthenticate(header: string): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  let current: AuthChallenge | undefined;
  let pos = 0;
  while (pos < header.length) {
    pos += matchAt(SEPARATORS, header, pos)?.[0].length ?? 0;
    const name = matchAt(TOKEN, header, pos)?.[0];
    if (!name) break; // not a token: stop at what cannot be parsed
    pos += name.length;
    pos += matchAt(SPACE, header, pos)?.[0].length ?? 0;
    if (header[pos] !== "=") {
      // A new challenge: `Scheme` followed by its parameters.
      current = { scheme: name, params: {} };
      challenges.push(current);
      pos += matchAt(TOKEN68, header, pos)?.[0].length ?? 0;
      continue;
    }
    pos += 1;
    pos += matchAt(SPACE, header, pos)?.[0].length ?? 0;
    const quoted = matchAt(QUOTED, header, pos);
    const value = quoted
      ? (quoted[1] ?? "").replace(/\\(.)/g, "$1")
      : (matchAt(TOKEN, header, pos)?.[0] ?? "");
    pos += quoted ? quoted[0].length : value.length;
    const key = name.toLowerCase();
    if (current && !Object.hasOwn(current.params, key)) current.params[key] = value;
  }
  return challenges;
}

/**
 * The first Digest challenge we can answer (servers list them in order of preference): a
 * realm and nonce, `qop` offering `auth`, and a supported algorithm (MD5 when absent).
 */
export function parseDigestChallenge(header: string): DigestChallenge | null {
  for (const { scheme, params } of parseAuthenticate(header)) {
    if (scheme.toLowerCase() !== "digest") continue;
    const { realm, nonce, opaque, qop = "" } = params;
    const algorithm = canonicalAlgorithm(params.algorithm ?? "MD5");
    const offersAuth = qop.split(",").some((q) => q.trim().toLowerCase() === "auth");
    if (realm === undefined || !nonce || !algorithm || !offersAuth) continue;
    return {
      realm,
      nonce,
      ...(opaque === undefined ? {} : { opaque }),
      algorithm,
      stale: params.stale?.toLowerCase() === "true",
    };
  }
  return null;
}

function canonicalAlgorithm(name: string): DigestAlgorithm | null {
  const upper = name.toUpperCase().replace(/-SESS$/, "-sess");
  return isAlgorithm(upper) ? upper : null;
}

function hash(algorithm: DigestAlgorithm, value: string): string {
  return createHash(HASHES[algorithm]).update(value, "utf8").digest("hex");
}

/** The `response` directive for qop=auth (RFC 7616 §3.4.1, §3.4.2 for the -sess variants). */
export function digestResponse(p: {
  algorithm: DigestAlgorithm;
  username: string;
  password: string;
  realm: string;
  method: string;
  uri: string;
  nonce: string;
  nc: string;
  cnonce: string;
}): string {
  let ha1 = hash(p.algorithm, `${p.username}:${p.realm}:${p.password}`);
  if (p.algorithm.endsWith("-sess")) ha1 = hash(p.algorithm, `${ha1}:${p.nonce}:${p.cnonce}`);
  const ha2 = hash(p.algorithm, `${p.method}:${p.uri}`);
  return hash(p.algorithm, `${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:auth:${ha2}`);
}

function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, "\\$&")}"`;
}

/** `nc`: the count as 8 lower-case hex digits. */
export function nonceCount(count: number): string {
  return count.toString(16).padStart(8, "0");
}

export interface SignedRequest {
  authorization: string;
  /** The nonce the request was signed with (to tell a stale answer from a newer challenge). */
  nonce: string;
}

/** The largest `nc` (8 hex digits); a nonce used that often is not used again. */
const MAX_NC = 0xffffffff;

/**
 * The Digest state of one client: the current challenge and its nonce count. `sign` is
 * synchronous, so concurrent requests each take their own `nc`.
 */
export class DigestAuth {
  #current: { challenge: DigestChallenge; nc: number } | null = null;
  #refreshing: Promise<boolean> | null = null;

  constructor(
    private readonly credentials: { username: string; password: string },
    private readonly cnonce: () => string = () => randomBytes(16).toString("hex"),
  ) {}

  /** `Authorization` for one request with the current nonce; null when there is none yet. */
  sign(method: string, uri: string): SignedRequest | null {
    const current = this.#current;
    if (!current || current.nc >= MAX_NC) return null;
    const { realm, nonce, opaque, algorithm } = current.challenge;
    const nc = nonceCount(++current.nc);
    const cnonce = this.cnonce();
    const { username, password } = this.credentials;
    const response = digestResponse({
      algorithm,
      username,
      password,
      realm,
      method,
      uri,
      nonce,
      nc,
      cnonce,
    });
    const parts = [
      `username=${quote(username)}`,
      `realm=${quote(realm)}`,
      `uri=${quote(uri)}`,
      `algorithm=${algorithm}`,
      `nonce=${quote(nonce)}`,
      `nc=${nc}`,
      `cnonce=${quote(cnonce)}`,
      `qop=auth`,
      `response=${quote(response)}`,
    ];
    if (opaque !== undefined) parts.push(`opaque=${quote(opaque)}`);
    return { authorization: `Digest ${parts.join(", ")}`, nonce };
  }

  /**
   * Take the challenge of a 401. It replaces the current one unless another request has
   * already replaced the nonce that `answered` was signed with. False when the header holds
   * no challenge we can answer.
   */
  accept(header: string | null, answered?: SignedRequest): boolean {
    const challenge = header === null ? null : parseDigestChallenge(header);
    if (!challenge) return false;
    if (!this.#current || !answered || this.#current.challenge.nonce === answered.nonce)
      this.#current = { challenge, nc: 0 };
    return true;
  }

  /**
   * Fetch a challenge with `probe` (a request that answers 401 and returns its
   * `WWW-Authenticate`), once for every caller waiting at the same time. True when a usable
   * challenge came back.
   */
  refresh(probe: () => Promise<string | null>): Promise<boolean> {
    this.#refreshing ??= probe()
      .then((header) => this.accept(header))
      .finally(() => {
        this.#refreshing = null;
      });
    return this.#refreshing;
  }
}
