import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";

/** Start a long-lived process and resolve once it prints `ready`. */
export async function startProcess(
  entry: string,
  env: Record<string, string>,
  ready: string,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let seen = "";
    child.stdout.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(ready)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`${entry} exited with ${String(code)}`)));
  });
  return child;
}

export function machine(): string {
  return `${String(cpus().length)} × ${cpus()[0]?.model ?? "cpu"}, node ${process.version}`;
}

export async function writeResult(name: string, figures: Record<string, unknown>): Promise<void> {
  await mkdir("bench-results", { recursive: true });
  await writeFile(`bench-results/${name}.json`, `${JSON.stringify(figures, null, 2)}\n`);
}

/**
 * Digest headers for one fixed request-target on one nonce, with a counted nc — what a warm
 * client sends. Used to measure the sandbox without the proxy in front of it.
 */
export async function digestSigner(
  base: string,
  path: string,
  user = "demo-partner",
  password = "demo-secret",
) {
  const res = await fetch(`${base}${path}`, { headers: { "x-client-id": "web" } });
  const challenge = res.headers.get("www-authenticate") ?? "";
  const param = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(challenge)?.[1] ?? "";
  const [realm, nonce, opaque] = [param("realm"), param("nonce"), param("opaque")];
  const md5 = (s: string) => createHash("md5").update(s).digest("hex");
  const ha1 = md5(`${user}:${realm}:${password}`);
  const ha2 = md5(`GET:${path}`);
  let nc = 0;
  return (): Record<string, string> => {
    nc += 1;
    const ncHex = nc.toString(16).padStart(8, "0");
    const cnonce = randomBytes(8).toString("hex");
    const response = md5(`${ha1}:${nonce}:${ncHex}:${cnonce}:auth:${ha2}`);
    return {
      "x-client-id": "web",
      authorization:
        `Digest username="${user}", realm="${realm}", nonce="${nonce}", uri="${path}", ` +
        `algorithm=MD5, qop=auth, nc=${ncHex}, cnonce="${cnonce}", response="${response}", opaque="${opaque}"`,
    };
  };
}

/** The sandbox and the proxy (sandbox mode, generous rate limits) as real processes on loopback. */
export async function startStack(options: {
  sandboxPort: number;
  proxyPort: number;
  env?: Record<string, string>;
}): Promise<{ sandboxUrl: string; proxyUrl: string; stop(): void }> {
  const sandboxUrl = `http://127.0.0.1:${String(options.sandboxPort)}`;
  const sandbox = await startProcess(
    "sandbox/main.ts",
    { SANDBOX_PORT: String(options.sandboxPort), SANDBOX_LOG: "silent" },
    "sandbox on",
  );
  const proxy = await startProcess(
    "server/main.ts",
    {
      PORT: String(options.proxyPort),
      HOST: "127.0.0.1",
      SANDBOX: "1",
      MINTED_API_URL: sandboxUrl,
      LOG_LEVEL: "error",
      RATE_LIMIT_PER_MINUTE: "100000",
      RATE_LIMIT_IP_PER_MINUTE: "100000",
      ...options.env,
    },
    "Minted Shop on",
  ).catch((error: unknown) => {
    sandbox.kill("SIGTERM");
    throw error;
  });
  return {
    sandboxUrl,
    proxyUrl: `http://127.0.0.1:${String(options.proxyPort)}`,
    stop: () => {
      proxy.kill("SIGTERM");
      sandbox.kill("SIGTERM");
    },
  };
}
