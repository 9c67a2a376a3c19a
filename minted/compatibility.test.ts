import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compatibilityCounts, compatibilityTable } from "./compatibility.ts";
import { OPERATION_NAMES } from "./operations.ts";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** A markdown table's rows as trimmed cells, whatever the column padding. */
const cells = (table: string): string[][] =>
  table
    .trim()
    .split("\n")
    .filter((line) => !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split("|")
        .map((c) => c.trim()),
    );

function readmeSection(): string {
  const start = README.indexOf("<!-- minted-operations:start -->");
  const end = README.indexOf("<!-- minted-operations:end -->");
  if (start < 0 || end < start) throw new Error("README has no minted-operations table");
  return README.slice(start, end).split("\n").slice(1).join("\n");
}

describe("README's Minted compatibility", () => {
  it("lists every operation of the table with its source", () => {
    // On a difference, paste the table printed here into README.md and run `npm run format`.
    expect(cells(readmeSection()), compatibilityTable()).toEqual(cells(compatibilityTable()));
  });

  it("gives the table's counts", () => {
    const { documented, inferred } = compatibilityCounts();
    expect(documented + inferred).toBe(OPERATION_NAMES.length);
    expect(README).toContain(
      `${String(OPERATION_NAMES.length)} operations: ${String(documented)} documented, ${String(inferred)} inferred`,
    );
  });
});
