import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../stack.ts";
import { startReplayUpstream, type ReplayUpstream } from "./replay-upstream.ts";

/**
 * The real proxy (`server/main.ts`, its own Node process, Digest over a socket) pointed at the
 * replay upstream. Only environment the proxy already reads is set: MINTED_API_URL and the
 * credentials, a SESSION_SECRET, and DIST_DIR when the built shop is to be served.
 *
 * Sessions: the shop's launch asks Minted for the customer (Get Customer), and the documentation
 * prints no Get Customer answer, so a launch cannot be replayed. A test session is instead the
 * one a launch would have left (cookie and server-side record), started by the proxy's sandbox-mode
 * `POST /dev/session` for one of the customers the examples belong to.
 */

/** The customers Minted's answer examples belong to. */
export const EXAMPLE_CUSTOMERS = {
  /** Get Order Invoice (api-38613148): order FE9HURU6, external id HYAQA01373. */
  invoice: "MTD0018232",
  /** Get Incomplete Baskets (api-8328441): basket MC_66C7446E7F53E. */
  baskets: "6551eeaf4455bb5959555302",
  /** Get Order (Alternative) (api-4295600): order YID9Z07U, external id HYAQA01714rqz. */
  partnerOrder: "1801262568",
} as const;

/**
 * `name=value` of the session cookie a launch of `customer` leaves behind: the proxy's sandbox-mode
 * `POST /dev/session` starts it (cookie and server-side record) without asking the replay for the
 * customer.
 */
export async function launchedSessionCookie(
  proxyUrl: string,
  customer: string,
  locale: "tr" | "en" = "en",
): Promise<string> {
  const res = await fetch(`${proxyUrl}/dev/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ customer, locale }),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (res.status !== 204 || !cookie) throw new Error(`/dev/session: ${String(res.status)}`);
  return cookie;
}

export interface ReplayStack {
  replay: ReplayUpstream;
  proxyUrl: string;
  /** The proxy's stdout and stderr, line by line (its log is JSON lines). */
  output: string[];
  sessionSecret: string;
  /** A `Cookie` header value: a launched session of `customer`. */
  sessionCookie(customer: string, locale?: "tr" | "en"): Promise<string>;
  stop(): Promise<void>;
}

export interface ReplayStackOptions {
  /** The proxy's port (default: a free one). */
  port?: number;
  /** The replay's port (default: a free one). */
  replayPort?: number;
  /** Serve the built shop from this folder. */
  distDir?: string;
  env?: Record<string, string>;
  /** The proxy's SESSION_SECRET (default: a random one). */
  sessionSecret?: string;
  /** Echo the proxy's output (for Playwright's webServer log). */
  echo?: boolean;
}

async function waitForHealth(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`proxy exited early:\n${output.join("\n")}`);
    try {
      const res = await fetch(`${url}/api/health`);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`proxy did not answer ${url}/api/health:\n${output.join("\n")}`);
}

export async function startReplayStack(options: ReplayStackOptions = {}): Promise<ReplayStack> {
  const replay = await startReplayUpstream({ port: options.replayPort ?? 0 });
  const port = options.port ?? (await freePort());
  const sessionSecret = options.sessionSecret ?? randomBytes(32).toString("hex");
  const output: string[] = [];
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      // Sandbox mode only for the dev conveniences (no production secrets are needed here).
      SANDBOX: "1",
      MINTED_API_URL: replay.url,
      MINTED_USERNAME: replay.username,
      MINTED_PASSWORD: replay.password,
      SESSION_SECRET: sessionSecret,
      DIST_DIR: options.distDir ?? "dist",
      LOG_LEVEL: "warn",
      RATE_LIMIT_PER_MINUTE: "100000",
      RATE_LIMIT_IP_PER_MINUTE: "100000",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let partial = "";
  const keep = (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const lines = text.split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      output.push(line);
      if (options.echo) console.log(`[proxy] ${line}`);
    }
    if (output.length > 2000) output.splice(0, output.length - 2000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const proxyUrl = `http://127.0.0.1:${String(port)}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    await replay.close();
  };
  try {
    await waitForHealth(proxyUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    replay,
    proxyUrl,
    output,
    sessionSecret,
    sessionCookie: (customer, locale) => launchedSessionCookie(proxyUrl, customer, locale),
    stop,
  };
}
