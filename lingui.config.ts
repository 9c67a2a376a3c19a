import { defineConfig } from "@lingui/cli";
import { formatter } from "@lingui/format-po";

// Messages use explicit ids (e.g. "nav.catalog"); the .po files are the source of truth and are
// compiled at build time by @lingui/vite-plugin. No macros, no Babel.
export default defineConfig({
  sourceLocale: "tr",
  locales: ["tr", "en"],
  fallbackLocales: { default: "tr" },
  catalogs: [{ path: "<rootDir>/src/locales/{locale}", include: ["<rootDir>/src"] }],
  format: formatter({ explicitIdAsDefault: true, origins: false }),
});
