import type { z } from "zod";
import { issueMessage } from "../contract/issue-messages.ts";
import type { FieldErrors, Lang } from "./problem.ts";

type Issue = z.core.$ZodIssue;

/**
 * zod issues → field errors keyed by dot path, in the request's language (the words come from
 * contract/issue-messages.ts, which the shop's forms use too).
 */
export function fieldErrors(issues: readonly Issue[], lang: Lang, prefix = ""): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "_";
    (out[key] ??= []).push(issueMessage(issue, lang));
  }
  return out;
}
