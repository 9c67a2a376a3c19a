import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { dropElisions, DOCUMENTED_EXAMPLES, exampleText, readExample } from "./examples.ts";
import { MINTED_OPERATIONS, type MintedOperation } from "./operations.ts";

/** Every zod issue as `path: message`, so a failure names every field at once. */
function issues(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`);
}

const envelopeOf = (json: unknown): { data?: unknown; success?: unknown } =>
  json !== null && typeof json === "object" ? json : {};

describe("Minted's documented examples", () => {
  it("are all kept, each file named after its operation and doc page", () => {
    const files = readdirSync(new URL("./examples/", import.meta.url)).sort();
    expect(files).toEqual(DOCUMENTED_EXAMPLES.map((e) => e.file).sort());
    for (const e of DOCUMENTED_EXAMPLES) {
      const name = "response" in e.of ? e.of.response : "input" in e.of ? e.of.input : null;
      if (name) expect(e.file.startsWith(`${name}.`), e.file).toBe(true);
      expect(e.file).toContain(e.page);
    }
  });

  it("name operations whose source cites the same doc page", () => {
    for (const e of DOCUMENTED_EXAMPLES) {
      const name = "response" in e.of ? e.of.response : "input" in e.of ? e.of.input : null;
      if (!name || !e.page.startsWith("api-")) continue;
      const { source }: MintedOperation = MINTED_OPERATIONS[name];
      // An example on a page the table calls inferred (the walletable add-item example's page
      // title was not captured) is still evidence; a documented row must cite its page.
      if ("documented" in source) expect(source.documented, e.file).toContain(e.page);
    }
  });

  it.each(DOCUMENTED_EXAMPLES.filter((e) => "response" in e.of).map((e) => [e.file, e] as const))(
    "%s parses with its operation's response schema",
    (_, example) => {
      if (!("response" in example.of)) return;
      const json = envelopeOf(readExample(example));
      if (example.form === "verbatim") expect(json.success).toBe(true);
      const { response }: MintedOperation = MINTED_OPERATIONS[example.of.response];
      expect(issues(response, json.data)).toEqual([]);
    },
  );

  it.each(DOCUMENTED_EXAMPLES.filter((e) => "schema" in e.of).map((e) => [e.file, e] as const))(
    "%s parses with the schema it documents",
    (_, example) => {
      if (!("schema" in example.of)) return;
      expect(issues(example.of.parse, readExample(example))).toEqual([]);
    },
  );

  it.each(DOCUMENTED_EXAMPLES.filter((e) => "input" in e.of).map((e) => [e.file, e] as const))(
    "%s is a valid input of its operation (or fails only where the docs contradict themselves)",
    (_, example) => {
      if (!("input" in example.of)) return;
      const { input }: MintedOperation = MINTED_OPERATIONS[example.of.input];
      const found = issues(input, readExample(example));
      if (example.contradicts)
        expect(found.map((f) => f.split(":")[0])).toEqual([example.contradicts.field]);
      else expect(found).toEqual([]);
    },
  );

  it("trimmed examples lose only their elided members", () => {
    for (const e of DOCUMENTED_EXAMPLES.filter((x) => x.form === "trimmed")) {
      const text = exampleText(e.file);
      const kept = dropElisions(text);
      expect(kept).not.toMatch(/:\s*…|"…"\s*:/);
      // Everything that remains is the page's own text, in order.
      const removed = text.length - kept.length;
      expect(removed).toBeGreaterThan(0);
      expect(removed).toBeLessThan(40);
    }
  });
});
