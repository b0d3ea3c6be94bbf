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

/**
 * For `schema.safeParse(data, { error: validationKeyFor })`: issues without a
 * message of their own get a validation key for their code instead of zod's
 * English default. A schema's own message always wins over this.
 */
export function validationKeyFor(issue: z.core.$ZodRawIssue): string {
  if (issue.code === "too_small") return Number(issue.minimum) <= 1 ? v("required") : v("tooShort");
  if (issue.code === "too_big") return v("tooLong");
  if (issue.code === "invalid_type" && issue.input === undefined) return v("required");
  return v("invalid");
}

/** One zod issue in the reader's language: a validation key is translated, any other message is kept as written. */
export function translateIssue(issue: z.core.$ZodIssue, t: AppTranslator<"validation">): string {
  const key = issue.message as ValidationKey;
  if (!t.has(key)) return issue.message;
  return t(key, {
    minimum: "minimum" in issue ? Number(issue.minimum) : 0,
    maximum: "maximum" in issue ? Number(issue.maximum) : 0,
  });
}
