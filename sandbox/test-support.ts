import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sandboxEnvSchema } from "./env.ts";
import { startSandbox, type RunningSandbox } from "./server.ts";

/** A sandbox on a free port with default settings (overridable), for one test file. */
export function startTestSandbox(env: Record<string, string> = {}): Promise<RunningSandbox> {
  return startSandbox(sandboxEnvSchema.parse({ SANDBOX_PORT: "0", SANDBOX_LOG: "silent", ...env }));
}

export interface CurlResult {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed JSON body (undefined if the body is not JSON). */
  json: any;
}

export interface CurlOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** `digest` (default) uses curl's own Digest implementation, not ours. */
  auth?: "digest" | "none" | { bearer: string };
  user?: string;
  password?: string;
}

/**
 * Call the sandbox with the `curl` binary (`--digest`), so the sandbox's Digest server is checked
 * against an independent client implementation rather than the proxy's.
 */
export async function curl(
  baseUrl: string,
  path: string,
  opts: CurlOptions = {},
): Promise<CurlResult> {
  const dir = await mkdtemp(join(tmpdir(), "sandbox-curl-"));
  const headerFile = join(dir, "headers");
  const args = ["-s", "-S", "-X", opts.method ?? "GET", "-D", headerFile, "-w", "\n%{http_code}"];
  const auth = opts.auth ?? "digest";
  if (auth === "digest")
    args.push("--digest", "-u", `${opts.user ?? "demo-partner"}:${opts.password ?? "demo-secret"}`);
  else if (auth !== "none") args.push("-H", `Authorization: Bearer ${auth.bearer}`);
  const headers = { "x-client-id": "web", "api-version": "3", ...opts.headers };
  for (const [k, v] of Object.entries(headers)) args.push("-H", v === "" ? `${k}:` : `${k}: ${v}`);
  if (opts.body !== undefined) {
    args.push("-H", "Content-Type: application/json", "--data-binary", "@-");
  }
  args.push(`${baseUrl}${path}`);
  try {
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = execFile("curl", args, { maxBuffer: 64 * 1024 * 1024 }, (err, out) => {
        if (err) reject(new Error(`curl failed: ${err.message}`));
        else resolve(out);
      });
      if (opts.body !== undefined)
        child.stdin?.end(typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body));
      else child.stdin?.end();
    });
    const cut = stdout.lastIndexOf("\n");
    const text = stdout.slice(0, cut);
    const status = Number(stdout.slice(cut + 1));
    const blocks = (await readFile(headerFile, "utf8")).trim().split(/\r?\n\r?\n/);
    const last = blocks.at(-1) ?? "";
    const parsed: Record<string, string> = {};
    for (const line of last.split(/\r?\n/).slice(1)) {
      const i = line.indexOf(":");
      if (i > 0) parsed[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status, headers: parsed, text, json };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Plain fetch for the control API (no auth). */
export async function control(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<any> {
  const res = await fetch(`${baseUrl}/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return res.json();
}
