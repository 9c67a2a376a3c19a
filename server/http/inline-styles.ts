import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/**
 * Two libraries the shop loads create `<style>` elements at run time: sonner (toasts) injects its
 * stylesheet, and lightweight-charts the style of its attribution logo. Both first insert an empty
 * element, then fill it. Allowing exactly those texts by hash keeps `style-src` free of
 * 'unsafe-inline' and the console free of CSP errors. The texts are read from the installed
 * packages, so an upgrade updates the hashes; a test fails if one can no longer be found.
 */
const SOURCES = [
  { module: "sonner", file: "dist/index.mjs", pattern: /__insertCSS\(("(?:[^"\\]|\\.)*")\)/ },
  {
    module: "lightweight-charts",
    file: "dist/lightweight-charts.production.mjs",
    pattern: /innerText=("a#tv-attr-logo(?:[^"\\]|\\.)*")/,
  },
] as const;

const hash = (text: string) =>
  `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

function injectedText(source: (typeof SOURCES)[number]): string | null {
  try {
    // Node's own search path, without resolving (lightweight-charts exports no CommonJS entry).
    const dirs = createRequire(import.meta.url).resolve.paths(source.module) ?? [];
    const file = dirs
      .map((dir) => join(dir, source.module, source.file))
      .find((f) => existsSync(f));
    if (!file) return null;
    const match = source.pattern.exec(readFileSync(file, "utf8"));
    const text: unknown = match?.[1] ? JSON.parse(match[1]) : null;
    return typeof text === "string" ? text : null;
  } catch {
    return null;
  }
}

export function inlineStyleHashes(): string[] {
  const texts = SOURCES.map(injectedText).filter((t): t is string => t !== null);
  return [hash(""), ...texts.map(hash)];
}
