import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { DEV_LAUNCH_SECRET, DEV_SESSION_SECRET } from "../../server/env.ts";
import { TEST_ORIGIN, startTestProxy, type TestProxy } from "../../server/test-support.ts";

/**
 * Every operation of /api/openapi.json with hostile input: wrong types, 1 MB strings, unicode
 * edge cases (lone surrogates, RTL override, NUL), path traversal in path parameters,
 * `__proto__`/`constructor` keys, huge arrays, wrong content types, broken JSON. The proxy must
 * never answer 5xx, must answer problem+json for every refusal, must not call upstream for input
 * it refuses, must never build an upstream URL from a traversal, and must never echo a secret or
 * the upstream URL.
 */

const CUSTOMER = "DEMO-IND-001";
const MB = "a".repeat(1024 * 1024);
const HOSTILE_STRINGS = [
  "",
  MB,
  "\ud800",
  "x\udfffy",
  "\u202eevil\u202c",
  "a\u0000b",
  "💰".repeat(500),
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "${jndi:ldap://x}",
];
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  0.5,
  true,
  null,
  [],
  {},
  Array.from({ length: 20_000 }, () => 1),
];
const TRAVERSALS = [
  "..",
  "../../__sandbox/reset",
  "%2e%2e%2f%2e%2e%2fpartner",
  "..%2F..%2Fpartner%2Fecom",
  "%252e%252e%252f",
  "a%00b",
  "%ED%A0%80",
  "%E2%80%AE",
  "__proto__",
  "constructor",
  "x".repeat(5000),
];

const openApiSchema = z.object({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({
        operationId: z.string(),
        parameters: z.array(z.object({ name: z.string(), in: z.string() })).default([]),
        requestBody: z
          .object({
            content: z.object({
              "application/json": z.object({
                schema: z.object({ properties: z.record(z.string(), z.unknown()).optional() }),
              }),
            }),
          })
          .optional(),
      }),
    ),
  ),
});

const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string(),
});

interface Case {
  label: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Codes that mean "refused before doing anything": upstream must not have been called. */
const REFUSALS = new Set([
  "validation_failed",
  "forbidden",
  "payload_too_large",
  "unauthenticated",
]);

let proxy: TestProxy;
const upstreamUrls: string[] = [];
let cookie = "";

beforeAll(async () => {
  const counting: typeof fetch = (input, init) => {
    upstreamUrls.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };
  proxy = await startTestProxy({
    fetch: counting,
    env: { RATE_LIMIT_PER_MINUTE: "100000", RATE_LIMIT_IP_PER_MINUTE: "100000" },
  });
  cookie = await proxy.cookieFor(CUSTOMER);
});
afterAll(() => proxy.close());

function cases(doc: z.output<typeof openApiSchema>): Case[] {
  const out: Case[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const M = method.toUpperCase();
      const pathParams = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
      const queryParams = op.parameters.filter((p) => p.in === "query").map((p) => p.name);
      const fill = (value: string, target?: string) =>
        template.replace(/\{(\w+)\}/g, (_, name: string) =>
          target === undefined || name === target ? value : "1",
        );
      const base = fill("1");
      const label = (what: string) => `${M} ${template} ${what}`;
      for (const name of pathParams)
        for (const bad of TRAVERSALS)
          out.push({
            label: label(`path ${name}=${bad.slice(0, 30)}`),
            method: M,
            path: fill(bad, name),
          });
      for (const name of queryParams)
        for (const bad of [...HOSTILE_STRINGS, "1e999", "-1", "NaN"])
          out.push({
            label: label(`query ${name}=${JSON.stringify(bad.slice(0, 20))}`),
            method: M,
            path: `${base}?${name}=${encodeURIComponent(bad.replace(/[\ud800-\udfff]/g, "\ufffd"))}&${name}=x`,
          });
      if (M === "GET") continue;
      const props = Object.keys(
        op.requestBody?.content["application/json"].schema.properties ?? {},
      );
      const bodies: [string, string][] = [
        ["not json", "{"],
        ["array body", "[1,2,3]"],
        ["string body", JSON.stringify(MB.slice(0, 60_000))],
        ["null body", "null"],
        ["__proto__", '{"__proto__":{"admin":true,"customer":"DEMO-CORP-001"}}'],
        ["constructor", '{"constructor":{"prototype":{"admin":true}}}'],
        ["deep nesting", "[".repeat(5000) + "]".repeat(5000)],
        ["1 MB string", JSON.stringify({ x: MB })],
        ["lone surrogate escape", '{"x":"\\ud800"}'],
      ];
      for (const prop of props)
        for (const value of HOSTILE_VALUES)
          bodies.push([
            `${prop}=${JSON.stringify(value).slice(0, 20)}`,
            JSON.stringify({ [prop]: value }),
          ]);
      for (const [what, body] of bodies)
        out.push({ label: label(`body ${what}`), method: M, path: base, body });
      for (const type of [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json-patch+json",
      ])
        out.push({
          label: label(`content-type ${type}`),
          method: M,
          path: base,
          headers: { "content-type": type },
          body: "a=1",
        });
    }
  }
  return out;
}

describe("fuzzing every operation of /api/openapi.json", () => {
  it("answers hostile input with a 4xx problem, never a 5xx, never an upstream call", async () => {
    const docRes = await proxy.app.request("/api/openapi.json");
    const doc = openApiSchema.parse(await docRes.json());
    const all = cases(doc);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(30);
    expect(all.length).toBeGreaterThan(1000);

    const secrets = [
      proxy.deps.env.MINTED_PASSWORD,
      proxy.deps.env.MINTED_USERNAME,
      DEV_SESSION_SECRET,
      DEV_LAUNCH_SECRET,
      proxy.sandbox.url,
      new URL(proxy.sandbox.url).host,
    ];
    const failures: string[] = [];
    let refusals = 0;
    for (const c of all) {
      const before = upstreamUrls.length;
      const res = await proxy.app.request(c.path, {
        method: c.method,
        headers: {
          cookie,
          origin: TEST_ORIGIN,
          "accept-language": "en",
          ...(c.body !== undefined ? { "content-type": "application/json" } : {}),
          ...c.headers,
        },
        ...(c.body !== undefined ? { body: c.body } : {}),
      });
      const text = await res.text();
      // A case that ended the session (logout, log out everywhere): the next ones get a live one,
      // started after the end (so they reach their own validation instead of a 401).
      if (res.headers.get("set-cookie")?.includes("Max-Age=0")) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        cookie = await proxy.cookieFor(CUSTOMER);
      }
      const calls = upstreamUrls.slice(before);
      const headerText: string[] = [];
      res.headers.forEach((v, k) => headerText.push(`${k}: ${v}`));
      if (res.status >= 500)
        failures.push(`${c.label}: ${String(res.status)} ${text.slice(0, 200)}`);
      for (const secret of secrets)
        if (text.includes(secret) || headerText.join("\n").includes(secret))
          failures.push(`${c.label}: the answer carries ${secret.slice(0, 6)}…`);
      for (const url of calls)
        if (/\.\.|%2e|%00|__sandbox|%252e/i.test(new URL(url).pathname))
          failures.push(`${c.label}: upstream URL built from hostile input: ${url.slice(0, 200)}`);
      // `/api/x/../../y` is normalised by the URL parser to `/y`: outside the API, a plain 404.
      const insideApi = new URL(c.path, TEST_ORIGIN).pathname.startsWith("/api/");
      if (res.status >= 400 && insideApi) {
        if (!res.headers.get("content-type")?.startsWith("application/problem+json")) {
          failures.push(`${c.label}: ${String(res.status)} is not problem+json`);
          continue;
        }
        const problem = problemSchema.safeParse(JSON.parse(text));
        if (!problem.success) {
          failures.push(`${c.label}: not a problem document: ${text.slice(0, 200)}`);
          continue;
        }
        if (REFUSALS.has(problem.data.code)) {
          refusals++;
          if (calls.length)
            failures.push(
              `${c.label}: refused (${problem.data.code}) after calling upstream ${calls.join(", ").slice(0, 200)}`,
            );
        }
      }
    }
    console.log(
      `fuzz: ${String(all.length)} requests over ${String(Object.keys(doc.paths).length)} paths; ${String(refusals)} refused before upstream; ${String(failures.length)} failures`,
    );
    expect(failures).toEqual([]);
  }, 300_000);
});
