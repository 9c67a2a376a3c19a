import { DOCUMENTED_EXAMPLES } from "./examples.ts";
import { MINTED_OPERATIONS, OPERATION_NAMES } from "./operations.ts";

/**
 * The README's "Minted compatibility" table, made from the operation table so the two cannot
 * drift: `minted/compatibility.test.ts` fails (and prints the table) when the README differs.
 */
export function compatibilityTable(): string {
  const examples = (name: string) =>
    DOCUMENTED_EXAMPLES.filter(
      (e) =>
        ("response" in e.of && e.of.response === name) || ("input" in e.of && e.of.input === name),
    ).length;
  const rows = OPERATION_NAMES.map((name) => {
    const row = MINTED_OPERATIONS[name];
    const source =
      "documented" in row.source
        ? `documented ${row.source.documented.join(", ")}${row.source.note ? ` — ${row.source.note}` : ""}`
        : `inferred — ${row.source.inferred}`;
    const count = examples(name);
    return `| \`${name}\` | ${row.method} \`${row.path}\` | ${row.auth} | ${source} | ${count ? String(count) : ""} |`;
  });
  return [
    "| operation | method and path | auth | source | examples |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

/** Documented and inferred rows. */
export function compatibilityCounts(): { documented: number; inferred: number } {
  const rows = OPERATION_NAMES.map((name) => MINTED_OPERATIONS[name].source);
  const documented = rows.filter((s) => "documented" in s).length;
  return { documented, inferred: rows.length - documented };
}
