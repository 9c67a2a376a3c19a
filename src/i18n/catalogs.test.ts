import { setupI18n } from "@lingui/core";
import { createCompiledCatalog } from "@lingui/cli/api";
import { formatter } from "@lingui/format-po";
import { describe, expect, it } from "vitest";
import { messages as compiledEn } from "../locales/en.po";
import { messages as compiledEnRest } from "../locales/en.po?rest";
import { messages as compiledEnShell } from "../locales/en.po?shell";
import { messages as compiledTr } from "../locales/tr.po";
import { messages as compiledTrRest } from "../locales/tr.po?rest";
import { messages as compiledTrShell } from "../locales/tr.po?shell";
import { locales } from "./locales";

const po = formatter({ explicitIdAsDefault: true, origins: false });

// Raw file contents, loaded by Vite: the .po sources and every non-test module under src/.
const poSources = import.meta.glob<string>("../locales/*.po", {
  query: "?raw",
  import: "default",
  eager: true,
});
const codeSources = import.meta.glob<string>(["../**/*.{ts,tsx}", "!../**/*.test.{ts,tsx}"], {
  query: "?raw",
  import: "default",
  eager: true,
});

async function readCatalog(locale: string): Promise<Map<string, string>> {
  const content = poSources[`../locales/${locale}.po`] ?? "";
  const catalog = await po.parse(content, { locale, sourceLocale: "tr", filename: `${locale}.po` });
  return new Map(Object.entries(catalog).map(([id, message]) => [id, message.translation]));
}

/** Ids referenced in code as `_("id")` / `_("id", …)` or `msg("id")`. */
function idsUsedInSource(): Set<string> {
  const ids = new Set<string>();
  for (const code of Object.values(codeSources)) {
    for (const match of code.matchAll(/\b(?:_|msg)\(\s*"([^"]+)"/g)) {
      if (match[1]) ids.add(match[1]);
    }
  }
  return ids;
}

/** Ids used in `code` (see idsUsedInSource). */
function idsIn(code: string): string[] {
  return [...code.matchAll(/\b(?:_|msg)\(\s*"([^"]+)"/g)].flatMap((match) => match[1] ?? []);
}

/** The glob key of a relative import from `from`, or undefined when it is not a module of src/. */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = new URL(specifier, `file:///src/i18n/${from}`).pathname.replace(
    /^\/src\/i18n\//,
    "",
  );
  const path = base.startsWith("/src/") ? `..${base.slice(4)}` : base;
  return ["", ".ts", ".tsx", "/index.ts"]
    .map((ext) => path + ext)
    .find((key) => key in codeSources);
}

/**
 * Modules the first catalog view loads: the entry and the catalog page with everything they
 * import statically (type-only imports and dynamic `import()` excluded), from the sources.
 */
function firstViewModules(): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const code = codeSources[key] ?? "";
    for (const match of code.matchAll(
      /^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+"(\.[^"]+)"/gms,
    )) {
      const target = resolveImport(key, match[1] ?? "");
      if (target) visit(target);
    }
  };
  visit("../main.tsx");
  visit("../features/catalog/catalog-page.tsx");
  return seen;
}

/** ICU argument names, e.g. {code} or {count, plural, …}. */
function argumentNames(message: string): string[] {
  const pattern = /\{\s*(\w+)\s*(?:\}|,\s*(?:plural|selectordinal|select|number|date|time)\b)/g;
  const names = [...message.matchAll(pattern)].map((match) => match[1] ?? "");
  return [...new Set(names)].sort();
}

describe("message catalogs", async () => {
  const catalogs = new Map(
    await Promise.all(locales.map(async (locale) => [locale, await readCatalog(locale)] as const)),
  );
  const tr = catalogs.get("tr") ?? new Map<string, string>();
  const en = catalogs.get("en") ?? new Map<string, string>();

  it("have exactly the same ids", () => {
    expect(tr.size).toBeGreaterThan(0);
    expect([...en.keys()].sort()).toEqual([...tr.keys()].sort());
  });

  it.each(locales)("%s has no empty translations", (locale) => {
    const empty = [...(catalogs.get(locale) ?? new Map<string, string>())]
      .filter(([, translation]) => translation.trim() === "")
      .map(([id]) => id);
    expect(empty).toEqual([]);
  });

  it.each(locales)("%s compiles as ICU MessageFormat", (locale) => {
    const messages = Object.fromEntries(catalogs.get(locale) ?? []);
    const { errors } = createCompiledCatalog(locale, messages, { namespace: "es" });
    expect(errors.map((error) => `${error.id}: ${error.error.message}`)).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const mismatched = [...tr].filter(
      ([id, message]) => argumentNames(message).join() !== argumentNames(en.get(id) ?? "").join(),
    );
    expect(mismatched.map(([id]) => id)).toEqual([]);
  });

  it("contain every id used in the code, and nothing else", () => {
    const used = idsUsedInSource();
    expect([...used].filter((id) => !tr.has(id))).toEqual([]);
    expect([...tr.keys()].filter((id) => !used.has(id))).toEqual([]);
  });
});

describe("split catalogs (scripts/vite-plugin-split-messages.ts)", () => {
  const modules = firstViewModules();

  it("follow the first view's imports", () => {
    expect(modules).toContain("../app/app-layout.tsx");
    expect(modules).toContain("../app/price-strip.tsx");
    expect(modules).toContain("../features/catalog/product-card.tsx");
    expect(modules).not.toContain("../features/basket/basket-page.tsx");
  });

  it("ship every id the first catalog view uses in the shell part", () => {
    const missing = [...modules].flatMap((key) =>
      idsIn(codeSources[key] ?? "")
        .filter((id) => !(id in compiledTrShell) || !(id in compiledEnShell))
        .map((id) => `${key}: ${id}`),
    );
    expect(missing).toEqual([]);
  });

  it("are loaded by every lazy route outside the first view (withMessages)", () => {
    const router = codeSources["../app/router.tsx"] ?? "";
    const lazyBlocks = router.split(/\blazy:/).slice(1);
    expect(lazyBlocks.length).toBeGreaterThan(10);
    const unwrapped = lazyBlocks.filter(
      (block) => !block.includes("withMessages(") && !block.includes("catalog/catalog-page"),
    );
    expect(unwrapped.map((block) => /import\("([^"]+)"\)/.exec(block)?.[1] ?? block)).toEqual([]);
  });

  it.each([
    ["tr", compiledTr, compiledTrShell, compiledTrRest],
    ["en", compiledEn, compiledEnShell, compiledEnRest],
  ] as const)(
    "%s: shell and rest are disjoint and make up the whole catalog",
    (_locale, whole, shell, rest) => {
      expect(Object.keys(shell).filter((id) => id in rest)).toEqual([]);
      expect([...Object.keys(shell), ...Object.keys(rest)].sort()).toEqual(
        Object.keys(whole).sort(),
      );
      expect(Object.keys(rest).length).toBeGreaterThan(Object.keys(shell).length);
    },
  );
});

describe("compiled catalogs (through the Vite plugin)", () => {
  const i18n = setupI18n({ locale: "tr", messages: { tr: compiledTr, en: compiledEn } });

  it("render Turkish and English with ICU plurals", () => {
    i18n.activate("tr");
    expect(i18n._("nav.basket")).toBe("Sepet");
    expect(i18n._("header.basketLink", { count: 3 })).toBe("Sepet, 3 ürün");
    i18n.activate("en");
    expect(i18n._("header.basketLink", { count: 0 })).toBe("Basket, 0 items");
    expect(i18n._("header.basketLink", { count: 1 })).toBe("Basket, 1 item");
    expect(i18n._("order.title", { code: "MNT-42" })).toBe("Order MNT-42");
  });
});
