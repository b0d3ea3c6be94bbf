import "server-only";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import { readSheet, type SheetData } from "read-excel-file/node";
import { RowCollector, type RecipientList } from "./collect-recipients";

export type RecipientFileFormat = "csv" | "xlsx";

/** The upload was larger than the configured cap; nothing of it is kept. */
export class UploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`upload larger than ${maxBytes} bytes`);
    this.name = "UploadTooLargeError";
  }
}

/** The file could not be read as the format it claimed. */
export class UnreadableFileError extends Error {
  constructor(readonly format: RecipientFileFormat) {
    super(`not a readable ${format} file`);
    this.name = "UnreadableFileError";
  }
}

/** Passes bytes through until `maxBytes`, then fails the stream. */
function byteLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(new UploadTooLargeError(maxBytes));
      else callback(null, chunk);
    },
  });
}

/**
 * Reads recipients from an uploaded CSV or .xlsx body as it arrives. CSV is
 * parsed row by row (csv-parse: UTF-8 BOM, quotes, `,` `;` or tab
 * separators, empty lines skipped), so only the collected numbers stay in
 * memory. An .xlsx is a zip archive that can only be read whole; the cap
 * bounds it.
 */
export async function collectFromFile(
  body: ReadableStream<Uint8Array> | Readable,
  format: RecipientFileFormat,
  options: { column: number | null; maxBytes: number },
): Promise<RecipientList> {
  const source = body instanceof Readable ? body : Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
  const limited = byteLimit(options.maxBytes);
  const rows = new RowCollector(options.column);

  if (format === "csv") {
    const parser = parse({
      bom: true,
      delimiter: [",", ";", "\t"],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
    const consume = (async () => {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        rows.push(info.lines, record);
      }
    })();
    try {
      await Promise.all([pipeline(source, limited, parser), consume]);
    } catch (error) {
      if (error instanceof UploadTooLargeError) throw error;
      if ((error as { code?: string }).code?.startsWith("CSV_")) throw new UnreadableFileError("csv");
      throw error;
    }
    return rows.finish();
  }

  let sheet: SheetData;
  try {
    sheet = await readSheet(source.pipe(limited));
  } catch (error) {
    if (error instanceof UploadTooLargeError) throw error;
    if (limited.errored instanceof UploadTooLargeError) throw limited.errored;
    throw new UnreadableFileError("xlsx");
  }
  sheet.forEach((row, index) => rows.push(index + 1, row.map(cellText)));
  return rows.finish();
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}
