// @ts-check
import { readdirSync } from "node:fs";
import js from "@eslint/js";
import pluginQuery from "@tanstack/eslint-plugin-query";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/*
 * Import zones (README "Project layout"). The browser is layered app → features → shared:
 * src/app and src/main.tsx compose the pages; each folder of src/features is one feature; shared
 * code (src/components, src/lib, src/i18n, src/bridge, and src/domain for the domain several
 * features use: addresses, prices and money, the price fix, idempotent changes) never imports
 * upwards.
 * A feature imports another feature only through its public entry, `index.ts`.
 */
const features = readdirSync(`${import.meta.dirname}/src/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const shared = ["src/components", "src/lib", "src/i18n", "src/bridge", "src/domain"];
const upperLayers = ["src/app", "src/main.tsx"];
const layerZones = [
  {
    target: "src",
    from: ["server", "sandbox"],
    message: "The browser never imports the proxy or the sandbox.",
  },
  {
    target: "contract",
    from: ["src", "server", "sandbox"],
    message: "The contract is shared by browser and proxy and depends on neither.",
  },
  {
    target: shared,
    from: [...upperLayers, "src/features"],
    message: "Shared code never imports a feature or the app shell.",
  },
  {
    target: "src/features",
    from: upperLayers,
    message: "A feature never imports the app shell; move what it needs into shared code.",
  },
  ...features.map((feature) => ({
    target: `src/features/${feature}`,
    from: features.filter((other) => other !== feature).map((other) => `src/features/${other}`),
    except: ["./index.ts"],
    message:
      "Import another feature through its public entry (its index.ts), or move the shared part to src/domain.",
  })),
];
/**
 * The sandbox is layered: documented operations, domain (state and rules), wire (Minted JSON),
 * http (plumbing), routes, control. Layers depend downwards only; no-cycle skips type imports,
 * these zones do not.
 */
const sandboxLayers = [
  {
    target: ["sandbox/domain", "sandbox/http", "sandbox/wire"],
    from: ["sandbox/routes", "sandbox/control", "sandbox/app.ts", "sandbox/server.ts"],
    message: "Domain, wire formats and HTTP plumbing never import routes or the app.",
  },
  {
    target: ["sandbox/domain", "sandbox/http"],
    from: "sandbox/wire",
    message: "The domain never imports its wire formats.",
  },
  {
    target: "sandbox/http",
    from: "sandbox/domain",
    except: ["./clock.ts", "./random.ts"],
    message: "HTTP plumbing knows no domain rule (only the clock and random tokens).",
  },
];
/** Code that exists only for tests; importing it from anywhere else fails lint. */
const testSupport = [
  "**/test-support.ts",
  "**/*-test-support.ts",
  "src/test-support/**",
  "server/api/{test-fixtures,api-test-client}.ts",
  "e2e/**",
  "suites/**",
];
const tests = ["**/*.test.ts", "**/*.test.tsx", ...testSupport];
const testSupportZone = {
  target: ".",
  from: testSupport,
  message: "Test support is for tests only.",
};
const proxyWithoutSandbox = {
  target: "server",
  from: ["sandbox"],
  message: "The proxy imports the sandbox only in tests.",
};

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
    rules: reactHooks.configs.recommended.rules,
  },
  ...pluginQuery.configs["flat/recommended"],
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [
        createTypeScriptImportResolver({ project: `${import.meta.dirname}/tsconfig.json` }),
      ],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": [
        "error",
        {
          basePath: import.meta.dirname,
          zones: [...layerZones, ...sandboxLayers, proxyWithoutSandbox, testSupportZone],
        },
      ],
    },
  },
  {
    files: tests,
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        { basePath: import.meta.dirname, zones: [...layerZones, ...sandboxLayers] },
      ],
    },
  },
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
