import { lingui } from "@lingui/vite-plugin";
import { defineConfig } from "vitest/config";
import { splitMessages } from "./scripts/vite-plugin-split-messages.ts";

export default defineConfig({
  plugins: [lingui(), splitMessages()],
  test: {
    include: [
      "src/**/*.test.{ts,tsx}",
      "contract/**/*.test.ts",
      "minted/**/*.test.ts",
      "server/**/*.test.ts",
      "sandbox/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    environment: "node",
    testTimeout: 20_000,
  },
});
