import { Readable } from "node:stream";
import { collectFromFile } from "@/lib/sending/read-recipient-file";

export type BulkReviewTiming = { lines: number; fileMb: number; ms: number; peakExtraMb: number; valid: number; duplicates: number; invalid: number };

/** A CSV like a real export: name;phone, some duplicates in another written form, some landlines. */
function exportCsv(lines: number): Buffer {
  const rows = ["name;phone"];
  for (let index = 0; index < lines; index++) {
    const digits = String(index % Math.ceil(lines * 0.95)).padStart(7, "0");
    if (index % 50 === 49) rows.push(`Office ${index};0212 ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`);
    else if (index % 2) rows.push(`Kişi ${index};+90 555 ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`);
    else rows.push(`"Kişi, ${index}";0555${digits}`);
  }
  return Buffer.from(`\uFEFF${rows.join("\r\n")}\r\n`, "utf8");
}

/**
 * The bulk Review's parsing for 1k / 10k / 100k lines: the upload streamed in
 * 64 KB pieces through csv-parse, every number normalised with
 * libphonenumber's full metadata and deduplicated. Peak memory is the
 * largest RSS above the level before the run (sampled every 5 ms), to compare
 * with the file's own size. Only reported, never judged.
 */
export async function measureBulkReview(sizes = [1_000, 10_000, 100_000]): Promise<BulkReviewTiming[]> {
  const timings: BulkReviewTiming[] = [];
  for (const lines of sizes) {
    const file = exportCsv(lines);
    (globalThis as { gc?: () => void }).gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const started = performance.now();
    const pieces = function* () {
      for (let offset = 0; offset < file.length; offset += 65_536) yield file.subarray(offset, offset + 65_536);
    };
    const list = await collectFromFile(Readable.from(pieces()), "csv", { column: null, maxBytes: 50 * 1024 * 1024 });
    const ms = Math.round((performance.now() - started) * 10) / 10;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    timings.push({
      lines,
      fileMb: Math.round((file.length / 1024 / 1024) * 100) / 100,
      ms,
      peakExtraMb: Math.round(((peak - baseline) / 1024 / 1024) * 10) / 10,
      valid: list.valid.length,
      duplicates: list.duplicates,
      invalid: list.invalidCount,
    });
  }
  return timings;
}
