import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { listSendingMessages, type SendingMessage, type YazsanaContext } from "@/lib/yazsana";
import { formatForFile } from "./format-time";
import { describeMessageStatus } from "./message-status";
import { toMessagesQuery, type MessagesFilters } from "./messages-filters";
import { walkPages } from "./walk-pages";

/** The header row in the exporting user's language (English by default, as before translations). */
export function messagesCsvHeader(timeZone: string, locale: Locale = "en"): string[] {
  const t = translatorFor(locale, "reportExports");
  return [
    t("messages.id"),
    t("messages.recipient"),
    t("messages.status"),
    t("messages.statusMeaning"),
    t("messages.createdUtc"),
    t("messages.updatedUtc"),
    t("messages.updatedZoned", { timeZone }),
    t("messages.cost"),
    t("messages.message"),
    t("messages.otherFields"),
  ];
}

const KNOWN_FIELDS = new Set(["id", "to", "status", "message", "cost", "createdAt", "updatedAt"]);

/** Fields Yazsana returned that the portal does not know, kept as JSON so nothing is lost. */
export function otherFields(message: SendingMessage): Record<string, unknown> {
  return Object.fromEntries(Object.entries(message).filter(([name]) => !KNOWN_FIELDS.has(name)));
}

/** Every message of the sending matching `status` / `text` (paging ignored), one upstream page at a time; the status meaning in `locale`, the raw status kept beside it. */
export async function* messagesCsvRows(
  yazsana: YazsanaContext,
  sendingId: string,
  filters: MessagesFilters,
  timeZone: string,
  locale: Locale = "en",
): AsyncGenerator<string[]> {
  const t = translatorFor(locale, "reports");
  const { status, text } = toMessagesQuery(filters);
  const query = { ...(status && { status }), ...(text && { text }) };
  for await (const messages of walkPages((page, limit) => listSendingMessages(yazsana, sendingId, { ...query, page, limit }))) {
    for (const message of messages) {
      const extra = otherFields(message);
      yield [
        message.id,
        message.to,
        message.status,
        describeMessageStatus(message.status, t).label,
        message.createdAt ?? "",
        message.updatedAt ?? "",
        message.updatedAt ? formatForFile(message.updatedAt, timeZone) : "",
        message.cost ?? "",
        message.message ?? "",
        Object.keys(extra).length > 0 ? JSON.stringify(extra) : "",
      ];
    }
  }
}
