import type { AppTranslator } from "@/lib/i18n/translator";
import type { PhoneProblem } from "./normalize-phone";

/** Why a line was refused: a phone problem, or an empty cell in the chosen column. */
export type LineProblem = PhoneProblem | "no_number";
/**
 * `reason` is the English sentence (older campaigns stored only that);
 * `problem` lets each reader see it in their own language.
 */
export type InvalidLine = { line: number; value: string; reason: string; problem?: LineProblem };

/**
 * A refused line's reason in the reader's language; lines stored before
 * `problem` existed keep their English reason. Its own module: the review
 * (a client component) must not pull in the phone metadata.
 */
export function describeInvalidLine(line: InvalidLine, t: AppTranslator<"sending">): string {
  if (line.problem === "no_number") return t("phone.noNumberInColumn");
  return line.problem ? t(`phone.${line.problem}`) : line.reason;
}
