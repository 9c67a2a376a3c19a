// @ts-check
import js from "@eslint/js";
import pluginQuery from "@tanstack/eslint-plugin-query";
import reactHooks from "eslint-plugin-react-hooks";
import importX from "eslint-plugin-import-x";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist",
      "node_modules",
      "test-results",
      "playwright-report",
      "bench-results",
      "src/locales/*.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-confusing-void-expression": "off",
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "off",
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: globals.browser },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/server/**", "**/sandbox/**"],
              message: "The browser never imports server or sandbox code.",
            },
          ],
        },
      ],
    },
  },
  ...pluginQuery.configs["flat/recommended"],
  {
    files: [
      "server/**/*.ts",
      "sandbox/**/*.ts",
      "scripts/**/*.ts",
      "bench/**/*.ts",
      "e2e/**/*.ts",
      "*.config.ts",
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // The sandbox is layered (operations, domain, wire, http, routes, control): no import circles.
    files: ["sandbox/**/*.ts"],
    plugins: { "import-x": importX },
    settings: { "import-x/resolver": { typescript: true, node: true } },
    rules: {
      "import-x/no-cycle": "error",
      // Layers depend downwards only; no-cycle skips type imports, these zones do not.
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: ["./sandbox/domain", "./sandbox/http", "./sandbox/wire"],
              from: [
                "./sandbox/routes",
                "./sandbox/control",
                "./sandbox/app.ts",
                "./sandbox/server.ts",
              ],
              message: "Domain, wire formats and HTTP plumbing never import routes or the app.",
            },
            {
              target: ["./sandbox/domain", "./sandbox/http"],
              from: "./sandbox/wire",
              message: "The domain never imports its wire formats.",
            },
            {
              target: "./sandbox/http",
              from: "./sandbox/domain",
              except: ["./clock.ts", "./random.ts"],
              message: "HTTP plumbing knows no domain rule (only the clock and random tokens).",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read loosely-typed JSON answers; the code under test is held to the full rules.
    files: ["**/*.test.ts", "**/*.test.tsx", "e2e/**/*.ts", "sandbox/test-support.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
);
