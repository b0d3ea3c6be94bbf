import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { listSendings, type YazsanaContext } from "@/lib/yazsana";
import { findSenders, senderText } from "./find-senders";
import { formatForFile } from "./format-time";
import { toSendingsQuery, type SendingsFilters } from "./sendings-filters";
import { walkPages } from "./walk-pages";

/** The header row in the exporting user's language (English by default, as before translations). */
export function sendingsCsvHeader(timeZone: string, locale: Locale = "en"): string[] {
  const t = translatorFor(locale, "reportExports");
  return [
    t("sendings.id"),
    t("sendings.createdUtc"),
    t("sendings.createdZoned", { timeZone }),
    t("sendings.sample"),
    t("sendings.source"),
    t("sendings.sentBy"),
    t("sendings.valid"),
    t("sendings.invalid"),
    t("sendings.pending"),
    t("sendings.waiting"),
    t("sendings.completed"),
    t("sendings.failed"),
    t("sendings.refunded"),
    t("sendings.totalCost"),
    t("sendings.totalRefunded"),
    t("sendings.completedFlag"),
  ];
}

/**
 * Every sending matching the filters (paging ignored), one upstream page at a
 * time. "Sent by" is worded in `locale`; machine values (source, the
 * completed flag, amounts) stay as Yazsana gives them, so files compare across languages.
 */
export async function* sendingsCsvRows(
  yazsana: YazsanaContext,
  workspaceId: string,
  filters: SendingsFilters,
  timeZone: string,
  locale: Locale = "en",
): AsyncGenerator<string[]> {
  const t = translatorFor(locale, "reports");
  const query = toSendingsQuery(filters, timeZone);
  for await (const sendings of walkPages((page, limit) => listSendings(yazsana, { ...query, page, limit }))) {
    const senders = await findSenders(workspaceId, sendings);
    for (const sending of sendings) {
      const { stats } = sending;
      yield [
        sending.id,
        sending.createdAt,
        formatForFile(sending.createdAt, timeZone),
        sending.sampleMessageText ?? "",
        sending.source ?? "",
        senderText(senders.get(sending.id), t),
        String(stats.validSize),
        String(stats.invalidSize),
        String(stats.nOfPending),
        String(stats.nOfWaiting),
        String(stats.nOfCompleted),
        String(stats.nOfFailed),
        String(stats.nOfRefunded),
        // Decimal strings pass through untouched: no float ever rounds money.
        stats.totalCost,
        stats.totalRefunded,
        sending.completed ? "yes" : "no",
      ];
    }
  }
}
