import { afterAll, beforeAll, beforeEach } from "vitest";
import { ShopClient, control, startStack, type Stack } from "../stack.ts";

/**
 * One proxy and sandbox for a fault suite: the proxy's upstream timeout short (`timeoutMs`) and
 * its rate limits out of the way; before each test the sandbox is reset and `customer` launched
 * in a new client. Read `run.stack` and `run.client` inside tests.
 */
export function useFaultStack(timeoutMs: number, customer = "DEMO-IND-001") {
  const run = {} as { stack: Stack; client: ShopClient };
  beforeAll(async () => {
    run.stack = await startStack({
      proxyEnv: {
        UPSTREAM_TIMEOUT_MS: String(timeoutMs),
        RATE_LIMIT_PER_MINUTE: "100000",
        RATE_LIMIT_IP_PER_MINUTE: "100000",
      },
    });
  }, 90_000);
  afterAll(() => run.stack.stop());
  beforeEach(async () => {
    await control(run.stack.sandboxUrl, "POST", "/reset");
    run.client = new ShopClient(run.stack.proxyUrls[0] ?? "");
    await run.client.launch(customer);
  });
  return run;
}
