import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/chromium.ts";

/**
 * The shop against Minted's documented examples (suites/replay): the built shop and the real proxy,
 * whose upstream is the replay. Ports apart from playwright.config.ts's (8180/4110); override with
 * E2E_REPLAY_PORT / E2E_REPLAY_UPSTREAM_PORT to run two checkouts side by side.
 */
const port = process.env.E2E_REPLAY_PORT ?? "8190";
const upstreamPort = process.env.E2E_REPLAY_UPSTREAM_PORT ?? "4190";
// The specs seal their session cookies with the proxy's secret (workers inherit the environment).
process.env.REPLAY_SESSION_SECRET ??= randomBytes(32).toString("hex");

export default defineConfig({
  testDir: "suites/replay/e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [["list"]],
  outputDir: "test-results/replay",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    locale: "tr-TR",
    timezoneId: "Europe/Istanbul",
  },
  projects: [
    { name: "mobile", use: { ...devices["Pixel 7"], launchOptions: chromiumLaunchOptions() } },
  ],
  webServer: {
    command: "node --import tsx suites/replay/serve.ts",
    env: {
      REPLAY_SHOP_PORT: port,
      REPLAY_UPSTREAM_PORT: upstreamPort,
      REPLAY_SESSION_SECRET: process.env.REPLAY_SESSION_SECRET,
    },
    url: `http://127.0.0.1:${port}/api/health`,
    // Never another checkout's shop: the cookie secret must be this run's.
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
  },
});
