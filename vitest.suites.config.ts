import { lingui } from "@lingui/vite-plugin";
import { defineConfig } from "vitest/config";

/**
 * The resilience and security suites (issue #9): real processes, Redis, fuzzing. Separate from
 * `npm run test:unit` so that each runs as its own CI step with its own time budget.
 */
export default defineConfig({
  plugins: [lingui()],
  test: {
    include: ["suites/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // The suites start processes and measure; one file at a time on a 2-core machine.
    fileParallelism: false,
  },
});
