import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/chromium.ts";

const launchOptions = chromiumLaunchOptions();
// Ports of the stack under test; override to run two checkouts' suites side by side.
const port = process.env.E2E_PORT ?? "8180";
const sandboxPort = process.env.E2E_SANDBOX_PORT ?? "4110";
// The specs reach the sandbox's control API here (workers inherit the runner's environment).
process.env.E2E_SANDBOX_URL ??= `http://127.0.0.1:${sandboxPort}`;
// A partner page allowed to frame the shop (e2e/embedded.spec.ts fakes it with page.route; same
// site as the shop, so the session cookie works inside the frame).
process.env.E2E_PARTNER_ORIGIN ??= `http://127.0.0.1:${String(Number(port) + 1)}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // One worker: the specs share one sandbox and reset it between tests.
  workers: 1,
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Recording a trace costs every test time; CI retries a failure once and records that run.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    locale: "tr-TR",
    timezoneId: "Europe/Istanbul",
  },
  projects: [
    { name: "mobile", use: { ...devices["Pixel 7"], launchOptions } },
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], launchOptions },
      // Specified for the phone: the checkout journeys, where customers pay (issue #5); partner
      // apps' webviews (issue #8); and failures, where customers meet them (issue #9).
      // Issue 17's customer journeys (prices, trade, checkout focus, finding, language) are phone ones.
      testIgnore:
        /(^|[\\/])(checkout|checkout-focus|embedded|finding|language-identity|prices|resilience|trade)\.spec\.ts$/,
    },
  ],
  webServer: {
    command: "node --import tsx scripts/start.ts",
    env: {
      PORT: port,
      SANDBOX_PORT: sandboxPort,
      LOG_LEVEL: "warn",
      FRAME_ANCESTORS: process.env.E2E_PARTNER_ORIGIN,
    },
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: "pipe",
  },
});
