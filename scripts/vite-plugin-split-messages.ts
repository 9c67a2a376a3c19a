import { relative } from "node:path";
import { getConfig } from "@lingui/conf";
import {
  createCompilationErrorMessage,
  createCompiledCatalog,
  createMissingErrorMessage,
  getCatalogDependentFiles,
  getCatalogForFile,
  getCatalogs,
} from "@lingui/cli/api";
import type { Plugin } from "vite";

/**
 * Message ids the shell and the first catalog view render: layout, navigation, language switch,
 * price strip, basket badge and its toasts, offline banner, error and 404 pages, and the catalog
 * page. An entry ending in "." is a prefix; anything else is one id. `src/i18n/catalogs.test.ts`
 * fails when a module the entry or the catalog page imports statically uses an id not matched
 * here, so a new shell string cannot silently wait for the lazy part.
 */
export const shellMessageIds = [
  "a11y.",
  "app.",
  "basket.announce.",
  "basket.error.",
  "catalog.",
  "common.",
  "embed.",
  "error.",
  "header.",
  "metal.",
  "money.",
  "nav.",
  "notFound.",
  "offline.",
  "prices.",
  "product.purityShort",
  "productType.",
  "stock.",
] as const;

export function isShellMessage(id: string): boolean {
  return shellMessageIds.some((entry) =>
    entry.endsWith(".") ? id.startsWith(entry) : id === entry,
  );
}

const partQuery = /\.po\?(shell|rest)$/;

/**
 * Compiles one part of a .po catalog: `tr.po?shell` holds the shell's ids, `tr.po?rest` every
 * other id, so ids added later land in the lazy part by default. The .po files stay whole (one
 * per language, edited by everyone); the split happens here, at build time. Same checks as
 * @lingui/vite-plugin, which keeps compiling plain `*.po` imports (tests, tools).
 */
export function splitMessages({
  failOnMissing = true,
  failOnCompileError = true,
}: { failOnMissing?: boolean; failOnCompileError?: boolean } = {}): Plugin {
  const config = getConfig();
  const { rootDir, sourceLocale, fallbackLocales } = config;
  if (rootDir === undefined || sourceLocale === undefined) {
    throw new Error("lingui.config.ts must resolve rootDir and sourceLocale");
  }
  return {
    name: "minted-split-messages",
    async transform(_source, id) {
      const match = partQuery.exec(id);
      if (!match) return null;
      const part = match[1];
      const file = id.slice(0, id.indexOf("?"));
      const found = getCatalogForFile(relative(rootDir, file), await getCatalogs(config));
      // Typed as always found, but null for a file outside the configured catalogs.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      if (!found) throw new Error(`${file} is not a catalog of lingui.config.ts`);
      const { locale, catalog } = found;
      for (const dependency of await getCatalogDependentFiles(catalog, locale)) {
        this.addWatchFile(dependency);
      }
      const { messages, missing } = await catalog.getTranslations(locale, {
        fallbackLocales: fallbackLocales || {},
        sourceLocale,
      });
      if (failOnMissing && missing.length > 0) {
        throw new Error(createMissingErrorMessage(locale, missing, "loader"));
      }
      const selected = Object.fromEntries(
        Object.entries(messages).filter(([key]) => isShellMessage(key) === (part === "shell")),
      );
      const { source, errors } = createCompiledCatalog(locale, selected, { namespace: "es" });
      if (errors.length > 0) {
        const message = createCompilationErrorMessage(locale, errors);
        if (failOnCompileError) throw new Error(message);
        this.warn(message);
      }
      return { code: source, map: null, moduleType: "js" };
    },
  };
}
