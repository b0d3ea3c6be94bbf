import type { AppTranslator } from "@/lib/i18n/translator";
import enSending from "@/messages/en/sending.json";

/** A refused line as the review stores it: `reason` is the English sentence of sending.phone.<problem>. */
export type InvalidLine = { line: number; value: string; reason: string };

type PhoneKey = keyof typeof enSending.phone;
// The stored English sentence names its catalog key, for rows stored today and before translations alike.
const KEY_OF_REASON = new Map(Object.entries(enSending.phone).map(([key, text]) => [text, key as PhoneKey]));

/**
 * A refused line's reason in the reader's language; a reason the catalog
 * doesn't know (worded differently in the past) is shown as stored. Its own
 * module: the review (a client component) must not pull in the phone metadata.
 */
export function describeInvalidLine(line: InvalidLine, t: AppTranslator<"sending">): string {
  const key = KEY_OF_REASON.get(line.reason);
  return key ? t(`phone.${key}`) : line.reason;
}
