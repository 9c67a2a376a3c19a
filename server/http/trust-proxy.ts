import { BlockList, isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { z } from "zod";

/**
 * Whom the proxy believes about the client's address. `X-Forwarded-For` is written by whoever
 * sends the request, so only the hops appended by proxies we run can be believed:
 * - unset: no forwarded header counts (X-Forwarded-For, X-Forwarded-Proto/Host, Forwarded);
 *   the client is the socket's peer;
 * - a hop count N (`TRUST_PROXY=1`: one load balancer): the N-th address from the right of
 *   socket + X-Forwarded-For, i.e. the one our outermost trusted proxy saw;
 * - addresses/CIDRs (`TRUST_PROXY=10.0.0.0/8,127.0.0.1`): from the socket leftwards, the first
 *   address that is not a trusted proxy (the right-most untrusted hop).
 */
export type TrustProxy =
  | { kind: "none" }
  | { kind: "hops"; hops: number }
  | { kind: "list"; list: BlockList; text: string };

const CIDR = /^(?<address>[^/]+)(?:\/(?<bits>\d{1,3}))?$/;

function toBlockList(entries: string[]): BlockList | string {
  const list = new BlockList();
  for (const entry of entries) {
    const match = CIDR.exec(entry);
    const address = normaliseAddress(match?.groups?.address ?? "");
    const family = isIP(address);
    if (!match || family === 0) return `"${entry}" is not an IP address or CIDR`;
    const type = family === 6 ? "ipv6" : "ipv4";
    const bits = match.groups?.bits;
    if (bits === undefined) list.addAddress(address, type);
    else if (Number(bits) > (family === 6 ? 128 : 32)) return `"${entry}": prefix too long`;
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

export const trustProxySchema = z
  .string()
  .optional()
  .transform((raw, ctx): TrustProxy => {
    const text = raw?.trim() ?? "";
    if (text === "" || text === "0" || text === "false") return { kind: "none" };
    if (/^\d+$/.test(text)) {
      const hops = Number(text);
      if (hops > 10) ctx.addIssue({ code: "custom", message: "at most 10 hops" });
      return { kind: "hops", hops };
    }
    const list = toBlockList(text.split(/[\s,]+/).filter(Boolean));
    if (typeof list === "string") {
      ctx.addIssue({ code: "custom", message: `a hop count or addresses/CIDRs: ${list}` });
      return { kind: "none" };
    }
    return { kind: "list", list, text };
  });

/** `::ffff:10.0.0.1` → `10.0.0.1`; brackets and an IPv4 port dropped. */
export function normaliseAddress(address: string): string {
  let a = address.trim();
  if (a.startsWith("[")) a = a.slice(1, a.indexOf("]") > 0 ? a.indexOf("]") : undefined);
  if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a)) a = a.slice(7);
  return a;
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/** HOST values that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  if (host === "localhost") return true;
  const address = normaliseAddress(host);
  const family = isIP(address);
  return family !== 0 && LOOPBACK.check(address, family === 6 ? "ipv6" : "ipv4");
}

function socketAddress(c: Context): string | null {
  try {
    const address = getConnInfo(c).remote.address;
    return address ? normaliseAddress(address) : null;
  } catch {
    // app.request() in tests has no socket.
    return null;
  }
}

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address, the one key of every per-IP limit (see TrustProxy above). "unknown"
 * only for in-process test requests, which have no socket.
 */
export function clientAddress(c: Context, trust: TrustProxy): string {
  const peer = socketAddress(c);
  if (trust.kind === "none" || peer === null) return peer ?? "unknown";
  // Right to left: the socket's peer, then what each proxy appended.
  const chain = [
    peer,
    ...(c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((hop) => normaliseAddress(hop))
      .filter(Boolean)
      .reverse(),
  ];
  if (trust.kind === "hops") {
    const hop = chain[Math.min(trust.hops, chain.length - 1)] ?? peer;
    return isIP(hop) ? hop : peer;
  }
  let client = peer;
  for (const hop of chain) {
    // A hop that is no address was not written by a proxy of ours: stop at the last good one.
    if (!isIP(hop)) break;
    client = hop;
    if (!trusted(trust.list, hop)) break;
  }
  return client;
}
