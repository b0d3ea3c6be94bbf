import "server-only";
import { listSendings, type YazsanaContext } from "@/lib/yazsana";
import { findSenders, senderText } from "./find-senders";
import { formatForFile } from "./format-time";
import { toSendingsQuery, type SendingsFilters } from "./sendings-filters";
import { walkPages } from "./walk-pages";

export const sendingsCsvHeader = (timeZone: string) => [
  "Sending ID",
  "Created (UTC)",
  `Created (${timeZone})`,
  "Message sample",
  "Source",
  "Sent by",
  "Valid recipients",
  "Invalid recipients",
  "Pending",
  "Waiting",
  "Completed",
  "Failed",
  "Refunded",
  "Total cost",
  "Total refunded",
  "Completed flag",
];

/** Every sending matching the filters (paging ignored), one upstream page at a time. */
export async function* sendingsCsvRows(
  yazsana: YazsanaContext,
  workspaceId: string,
  filters: SendingsFilters,
  timeZone: string,
): AsyncGenerator<string[]> {
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
        senderText(senders.get(sending.id)),
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
