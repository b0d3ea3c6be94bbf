import type { Messages } from "next-intl";
import type { z } from "zod";
import type { AppTranslator } from "./translator";

export type ValidationKey = keyof Messages["validation"];

/**
 * A zod message naming a key of messages/<locale>/validation.json, e.g.
 * `z.string().min(1, v("nameRequired"))`. Schemas stay plain module
 * constants; the action wrapper translates the key in the request's
 * language (translateIssue). Values such as {minimum} come from the issue.
 */
export function v(key: ValidationKey): string {
  return key;
}

/** One zod issue in the reader's language: its key if it names one, else a sentence for its code. */
export function translateIssue(issue: z.core.$ZodIssue, t: AppTranslator<"validation">): string {
  const values = {
    minimum: "minimum" in issue ? Number(issue.minimum) : 0,
    maximum: "maximum" in issue ? Number(issue.maximum) : 0,
  };
  if (t.has(issue.message as ValidationKey)) return t(issue.message as ValidationKey, values);
  if (issue.code === "too_small") return t(values.minimum <= 1 ? "required" : "tooShort", values);
  if (issue.code === "too_big") return t("tooLong", values);
  if (issue.code === "invalid_type" && "input" in issue && issue.input === undefined) return t("required");
  return t("invalid");
}
