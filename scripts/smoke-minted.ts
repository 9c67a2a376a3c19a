import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { LogFields, Logger } from "../server/deps.ts";
import { readProxyEnv, type ProxyEnv } from "../server/env.ts";
import { createUpstream } from "../server/upstream/client.ts";
import {
  NOT_CALLED,
  READ_OPERATIONS,
  STEPS,
  checkData,
  describeFailure,
  formatResult,
  initialKnown,
  isReadOnly,
  smokeOptions,
  summarize,
  type Known,
  type ReadOperation,
  type SmokeOptions,
  type SmokeResult,
  type Step,
} from "./smoke-minted-plan.ts";

/**
 * `npm run smoke:minted`: calls every read-only Minted operation once with the MINTED_* account
 * and prints, per operation, `ok` or each field where Minted's answer differs from our response
 * schema (minted/operations.ts). Exit code 1 when anything differs or failed.
 *
 * It never writes (see NOT_CALLED in smoke-minted-plan.ts) and never prints the upstream URL or
 * the credentials: a partner pastes this output into a ticket.
 */

const USAGE = `Usage: npm run smoke:minted -- [--customer ID] [--sku SKU] [--cart-token TOKEN]
                              [--order EXTERNAL_ORDER_ID] [--with-bearer]

  --customer     a customer's external id on the account        (SMOKE_CUSTOMER)
  --sku          a product SKU; default: the first of Products   (SMOKE_SKU)
  --cart-token   an e-commerce order's cart token; default: the
                 customer's latest order                         (SMOKE_CART_TOKEN)
  --order        a digital order's external id                   (SMOKE_ORDER)
  --with-bearer  also check the Embedded Webview reads: issues
                 one Create Token for the customer               (SMOKE_WITH_BEARER=1)

Minted is reached with MINTED_API_URL, MINTED_USERNAME, MINTED_PASSWORD, MINTED_CLIENT_ID and
MINTED_API_VERSION, as for the proxy. Only reads are sent.`;

const invalidFields = z.object({ field: z.string(), issue: z.string() });

/**
 * A logger that keeps only the client's verdict on a bad envelope (`field: issue`), for the
 * failure line. Everything else is dropped: a network error's message names the upstream host.
 */
function verdictLogger(): { logger: Logger; take(): string | undefined } {
  let verdict: string | undefined;
  const ignore = () => undefined;
  const logger: Logger = {
    debug: ignore,
    info: ignore,
    warn: ignore,
    error: (msg: string, fields: LogFields = {}) => {
      const parsed = invalidFields.safeParse(fields);
      if (msg === "upstream response invalid" && parsed.success)
        verdict = parsed.data.field
          ? `at ${parsed.data.field}: ${parsed.data.issue}`
          : parsed.data.issue;
    },
    child: () => logger,
  };
  return {
    logger,
    take: () => {
      const taken = verdict;
      verdict = undefined;
      return taken;
    },
  };
}

/** Run the check; `print` gets each output line. Resolves to the exit code. */
export async function runSmoke(opts: {
  env: ProxyEnv;
  options: SmokeOptions;
  print: (line: string) => void;
  /** In tests, in place of the network (as for the proxy's client). */
  fetch?: typeof fetch;
}): Promise<0 | 1> {
  const verdicts = verdictLogger();
  const upstream = createUpstream({
    env: opts.env,
    logger: verdicts.logger,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  let known: Known = initialKnown(opts.options);
  const results: SmokeResult[] = [];
  try {
    for (const op of READ_OPERATIONS) {
      const step: Step<ReadOperation> = STEPS[op];
      const planned = step.plan(known);
      let result: SmokeResult;
      if ("skip" in planned) result = { kind: "skipped", reason: planned.skip };
      else if (planned.op !== op || !isReadOnly(planned.op))
        // The plan is unit-tested; this guard is for the partner's account all the same.
        throw new Error(`${op}: refusing a call that is not a read`);
      else {
        try {
          const data = await upstream.inspect(planned);
          known = { ...known, ...step.learn?.(data, known) };
          result = checkData(op, data);
        } catch (err) {
          result = { kind: "failed", reason: describeFailure(op, err, verdicts.take()) };
        }
      }
      results.push(result);
      for (const line of formatResult(op, result)) opts.print(line);
    }
  } finally {
    await upstream.close();
  }
  const { line, exitCode } = summarize(results);
  opts.print(
    `not called: ${String(Object.keys(NOT_CALLED).length)} operations that write (NOT_CALLED in scripts/smoke-minted-plan.ts)`,
  );
  opts.print(line);
  return exitCode;
}

/** Only what the client reads: the proxy's serving settings (secrets, ports) are not needed. */
function upstreamEnv(env: NodeJS.ProcessEnv): ProxyEnv {
  const picked = Object.fromEntries(
    Object.entries(env).filter(([name]) => /^(MINTED|UPSTREAM)_/.test(name)),
  );
  // NODE_ENV=test: the production checks are about the session and launch secrets of the shop.
  return readProxyEnv({ ...picked, NODE_ENV: "test" });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      customer: { type: "string" },
      sku: { type: "string" },
      "cart-token": { type: "string" },
      order: { type: "string" },
      "with-bearer": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  return runSmoke({
    env: upstreamEnv(process.env),
    options: smokeOptions(values, process.env),
    print: (line) => console.log(line),
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      // Our own messages (bad flags, an invalid MINTED_* variable) carry no secret or URL.
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 2;
    },
  );
}
