import { lingui } from "@lingui/vite-plugin";
import { defineConfig } from "vitest/config";
import { splitMessages } from "./scripts/vite-plugin-split-messages.ts";

export default defineConfig({
  plugins: [lingui(), splitMessages()],
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "src/**/*.test.ts",
            "contract/**/*.test.ts",
            "minted/**/*.test.ts",
            "server/**/*.test.ts",
            "sandbox/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
          environment: "node",
        },
      },
      {
        // Components render in happy-dom with the real hooks, api layer and contract parsing;
        // only `fetch` is replaced (src/test-support/fake-api.ts).
        extends: true,
        test: {
          name: "components",
          include: ["src/**/*.test.tsx"],
          environment: "happy-dom",
          setupFiles: ["src/test-support/setup.ts"],
        },
      },
    ],
  },
});
