import { afterAll, beforeAll, beforeEach } from "vitest";
import { ShopClient, startStack, type Stack, type StackOptions } from "../stack.ts";

/** The proxies' rate limits out of the way: every request of a suite comes from 127.0.0.1. */
const NO_RATE_LIMITS = { RATE_LIMIT_PER_MINUTE: "100000", RATE_LIMIT_IP_PER_MINUTE: "100000" };

/**
 * A stack for one suite file: started before its first test, stopped after its last whatever
 * the tests did (a redis-server stopped mid-run included), and with `resetEach` the sandbox back
 * to its seed before each test. Read `run.stack` inside hooks and tests.
 */
export function useStack(options: StackOptions & { resetEach?: boolean } = {}) {
  const { resetEach = false, ...stackOptions } = options;
  const run = {} as { stack: Stack };
  beforeAll(async () => {
    run.stack = await startStack(stackOptions);
  }, 90_000);
  afterAll(() => run.stack.stop());
  if (resetEach) beforeEach(() => run.stack.control.reset());
  return run;
}

/**
 * Two proxy processes sharing one redis-server, in front of one sandbox, rate limits out of the
 * way, the sandbox reset before each test.
 */
export function useSharedRedisStack() {
  return useStack({ proxies: 2, proxyEnv: NO_RATE_LIMITS, resetEach: true });
}

/**
 * One proxy and sandbox for a fault suite: the proxy's upstream timeout short (`timeoutMs`) and
 * its rate limits out of the way; before each test the sandbox is reset and `customer` launched
 * in a new client (`redis`: on a redis-server of its own). Read `run.stack` and `run.client`
 * inside tests.
 */
export function useFaultStack(
  timeoutMs: number,
  customer = "DEMO-IND-001",
  options: Pick<StackOptions, "redis"> = {},
) {
  const run = useStack({
    ...options,
    proxyEnv: { UPSTREAM_TIMEOUT_MS: String(timeoutMs), ...NO_RATE_LIMITS },
    resetEach: true,
  }) as { stack: Stack; client: ShopClient };
  beforeEach(async () => {
    run.client = new ShopClient(run.stack.proxyUrls[0] ?? "");
    await run.client.launch(customer);
  });
  return run;
}
