import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { csvDownload } from "@/lib/reports/csv-response";
import { messagesCsvHeader, messagesCsvRows } from "@/lib/reports/export-messages";
import { parseMessagesFilters } from "@/lib/reports/messages-filters";
import { BenchFailure } from "./bench-load";

export type CsvExportTiming = { messages: number; ms: number; heapGrowthMb: number };

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
const liveHeap = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

/**
 * The messages CSV of one large sending, produced by the portal's own export
 * code in this process (what /reports/<id>/messages.csv streams), read to the
 * end: how long it takes and how far the live heap (after garbage collection,
 * sampled every 100 chunks) rises above where it started.
 */
export async function measureCsvExport(apiKey: string, sendingId: string, expectedMessages: number): Promise<CsvExportTiming> {
  const baseline = liveHeap();
  const started = performance.now();
  const response = await csvDownload("messages", "bench", messagesCsvHeader("UTC"), messagesCsvRows({ apiKey }, sendingId, parseMessagesFilters({}).filters, "UTC"));
  const reader = response.body!.getReader();
  let newlines = 0;
  let chunks = 0;
  let peak = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks += 1;
    for (const byte of value) if (byte === 10) newlines += 1;
    if (chunks % 100 === 0) peak = Math.max(peak, liveHeap() - baseline);
  }
  const ms = performance.now() - started;
  peak = Math.max(peak, liveHeap() - baseline);
  if (newlines !== expectedMessages + 1) throw new BenchFailure(`The CSV export held ${newlines - 1} messages, expected ${expectedMessages}.`);
  return { messages: expectedMessages, ms: Math.round(ms), heapGrowthMb: Math.round((peak / 1024 / 1024) * 10) / 10 };
}
