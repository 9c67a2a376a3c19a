import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { z } from "zod";
import { controlClient, type ControlClient } from "../sandbox/control-client.ts";

/**
 * The real thing for the resilience and security suites: the sandbox and one or more proxies as
 * separate Node processes (as `npm start` runs them), and optionally a redis-server they share.
 * Ports are free ones the OS hands out, or SUITE_PORT_BASE, SUITE_PORT_BASE+1, … when set (so
 * that several checkouts on one machine stay apart).
 */

let nextPort = Number(process.env.SUITE_PORT_BASE ?? "0");

export async function freePort(): Promise<number> {
  if (nextPort > 0) return nextPort++;
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface Child {
  name: string;
  process: ChildProcess;
  output: string[];
}

function start(name: string, command: string, args: string[], env: Record<string, string>): Child {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  return { name, process: child, output };
}

async function waitFor(url: string, child: Child, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null)
      throw new Error(`${child.name} exited early:\n${child.output.join("")}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${child.name} did not answer ${url}:\n${child.output.join("")}`);
}

async function stop(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.process.once("exit", () => resolve()));
  child.process.kill("SIGTERM");
  const timer = setTimeout(() => child.process.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

const tsx = (entry: string) => ["--import", "tsx", entry];

export interface Stack {
  sandboxUrl: string;
  /** The sandbox's control API. */
  control: ControlClient;
  /** One URL per proxy instance. */
  proxyUrls: string[];
  redisUrl: string | null;
  /** Stops the redis-server mid-run (an outage); the proxies keep running. */
  stopRedis(): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Proxy instances (default 1); more than one shares a redis-server started here. */
  proxies?: number;
  /** Start redis-server even with one proxy. */
  redis?: boolean;
  proxyEnv?: Record<string, string>;
  sandboxEnv?: Record<string, string>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const children: Child[] = [];
  const stopAll = async () => {
    for (const child of children.reverse()) await stop(child);
  };
  try {
    const sandboxPort = await freePort();
    const sandbox = start("sandbox", process.execPath, tsx("sandbox/main.ts"), {
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_LOG: "silent",
      ...options.sandboxEnv,
    });
    children.push(sandbox);
    const sandboxUrl = `http://127.0.0.1:${String(sandboxPort)}`;

    let redisUrl: string | null = null;
    let redisChild: Child | null = null;
    const count = options.proxies ?? 1;
    if (options.redis || count > 1) {
      const redisPort = Number(process.env.SUITE_REDIS_PORT ?? (await freePort()));
      const redis = start(
        "redis",
        "redis-server",
        ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        {},
      );
      children.push(redis);
      redisChild = redis;
      redisUrl = `redis://127.0.0.1:${String(redisPort)}`;
      const deadline = Date.now() + 10_000;
      while (!redis.output.join("").includes("Ready to accept connections")) {
        if (redis.process.exitCode !== null || Date.now() > deadline)
          throw new Error(`redis-server did not start:\n${redis.output.join("")}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    await waitFor(`${sandboxUrl}/__sandbox/requests?limit=1`, sandbox);
    const proxyUrls: string[] = [];
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      const proxy = start(`proxy ${String(i + 1)}`, process.execPath, tsx("server/main.ts"), {
        PORT: String(port),
        HOST: "127.0.0.1",
        SANDBOX: "1",
        MINTED_API_URL: sandboxUrl,
        LOG_LEVEL: "error",
        DIST_DIR: "dist",
        ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
        ...options.proxyEnv,
      });
      children.push(proxy);
      const url = `http://127.0.0.1:${String(port)}`;
      proxyUrls.push(url);
      await waitFor(`${url}/api/health`, proxy);
    }
    const stopRedis = async () => {
      if (redisChild) await stop(redisChild);
    };
    return {
      sandboxUrl,
      control: controlClient(sandboxUrl),
      proxyUrls,
      redisUrl,
      stopRedis,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

// ------------------------------------------------------------------ clients

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
  ms: number;
}

/** A browser-like client of one proxy: keeps its session cookie, sends its Origin. */
export class ShopClient {
  cookie = "";
  /** Sent with every request (e.g. the load tool's X-Forwarded-For per session). */
  headers: Record<string, string> = {};
  constructor(
    public base: string,
    readonly lang: "tr" | "en" = "en",
  ) {}

  async call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    timeoutMs = 30_000,
  ): Promise<Answer> {
    const started = performance.now();
    const res = await fetch(`${this.base}${path}`, {
      method,
      redirect: "manual",
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        origin: this.base,
        "accept-language": this.lang,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...this.headers,
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const next = res.headers.get("set-cookie")?.split(";")[0];
    if (next) this.cookie = next.endsWith("=") ? "" : next;
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return {
      status: res.status,
      headers: res.headers,
      text,
      json,
      ms: performance.now() - started,
    };
  }

  /** Through the real launch flow: /dev/launch mints a token, POST /api/session swaps it. */
  async launch(customer: string): Promise<void> {
    const redirect = await fetch(`${this.base}/dev/launch?customer=${customer}`, {
      redirect: "manual",
      headers: this.headers,
    });
    const token = /token=([^&]+)/.exec(redirect.headers.get("location") ?? "")?.[1];
    if (!token) throw new Error(`no launch token (${String(redirect.status)})`);
    const res = await this.call("POST", "/api/session", { token });
    if (res.status !== 200) throw new Error(`launch failed: ${String(res.status)} ${res.text}`);
  }
}

const legalSchema = z.object({
  documents: z.array(z.object({ type: z.string(), version: z.string() })),
});
const quoteSchema = z.object({ quoteId: z.string() });

/**
 * A basket ready to pay for DEMO-IND-001 (its saved addresses): one item in the basket, the
 * addresses set, the legal texts read and accepted (recorded by the proxy); answers the completion's body at a fresh quote.
 */
export async function readyCheckout(
  client: ShopClient,
  paymentType: "wallet" | "card" = "wallet",
  addresses = { shippingAddressId: 1931, billingAddressId: 1932 },
  sku = "MNTGB00010",
): Promise<Record<string, unknown>> {
  const expectOk = (res: Answer, what: string) => {
    if (res.status !== 200) throw new Error(`${what}: ${String(res.status)} ${res.text}`);
    return res;
  };
  expectOk(await client.call("POST", "/api/basket/items", { sku, quantity: 1 }), "add");
  expectOk(await client.call("PUT", "/api/checkout/addresses", addresses), "addresses");
  const legal = legalSchema.parse(
    expectOk(await client.call("GET", "/api/checkout/legal"), "legal").json,
  );
  const documents = legal.documents.map(({ type, version }) => ({ type, version }));
  expectOk(
    await client.call("PUT", "/api/checkout/legal/acceptance", { documents, accepted: true }),
    "legal acceptance",
  );
  const quote = quoteSchema.parse(
    expectOk(await client.call("GET", "/api/checkout/quote"), "quote").json,
  );
  return {
    quoteId: quote.quoteId,
    paymentType,
    legalAcceptances: documents.map(({ type }) => ({ type })),
  };
}
