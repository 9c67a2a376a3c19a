import type { z } from "zod";
import type { FieldErrors, Lang } from "./problem.ts";

type Issue = z.core.$ZodIssue;

function message(issue: Issue, lang: Lang): string {
  const tr = lang === "tr";
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null)
        return tr ? "Bu alan gerekli." : "This field is required.";
      return tr ? "Bu alanın biçimi yanlış." : "This field has the wrong type.";
    case "too_small":
      if (issue.origin === "string")
        return tr
          ? `En az ${String(issue.minimum)} karakter olmalı.`
          : `Must be at least ${String(issue.minimum)} characters.`;
      if (issue.origin === "array")
        return tr
          ? `En az ${String(issue.minimum)} öğe olmalı.`
          : `Must have at least ${String(issue.minimum)} items.`;
      return tr
        ? `En az ${String(issue.minimum)} olmalı.`
        : `Must be at least ${String(issue.minimum)}.`;
    case "too_big":
      if (issue.origin === "string")
        return tr
          ? `En fazla ${String(issue.maximum)} karakter olabilir.`
          : `Must be at most ${String(issue.maximum)} characters.`;
      if (issue.origin === "array")
        return tr
          ? `En fazla ${String(issue.maximum)} öğe olabilir.`
          : `Must have at most ${String(issue.maximum)} items.`;
      return tr
        ? `En fazla ${String(issue.maximum)} olabilir.`
        : `Must be at most ${String(issue.maximum)}.`;
    case "invalid_value":
      return tr ? "Geçerli bir seçenek değil." : "Not one of the allowed values.";
    case "invalid_format":
      return tr ? "Biçimi geçersiz." : "The format is not valid.";
    case "unrecognized_keys":
      return tr
        ? `Tanınmayan alan: ${issue.keys.join(", ")}.`
        : `Unknown field: ${issue.keys.join(", ")}.`;
    case "custom": {
      const params = issue.params as { tr?: unknown; en?: unknown } | undefined;
      const text = params?.[lang];
      if (typeof text === "string") return text;
      return tr ? "Geçersiz değer." : "Invalid value.";
    }
    default:
      return tr ? "Geçersiz değer." : "Invalid value.";
  }
}

/**
 * zod issues → field errors keyed by dot path, in the request's language. Custom checks carry
 * their own messages as `params: { tr, en }` (see contract/).
 */
export function fieldErrors(issues: readonly Issue[], lang: Lang, prefix = ""): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "_";
    (out[key] ??= []).push(message(issue, lang));
  }
  return out;
}
