/**
 * CSV for spreadsheets (RFC 4180 quoting). A cell starting with = + - @ (or
 * a tab or carriage return) would run as a formula in Excel or LibreOffice,
 * so it gets a leading apostrophe (OWASP's advice) — message texts and
 * numbers typed by anyone must never execute on an accountant's machine.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: Array<string | number | boolean | null | undefined>): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** Excel reads UTF-8 without a byte order mark as the local code page and mangles ç ğ ı İ ö ş ü. */
export const UTF8_BOM = "\uFEFF";

/**
 * A byte stream of CSV lines pulled from `rows` only as fast as the reader
 * reads: a slow download never makes the server fetch pages ahead and hold
 * them, so memory stays bounded whatever the size of the export.
 */
export function csvStream(header: string[], rows: AsyncIterable<string[]>, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(UTF8_BOM + csvRow(header)));
          return;
        }
        try {
          // Batch a page's worth of lines into one chunk: fewer, larger writes.
          let text = "";
          for (let count = 0; count < 100; count += 1) {
            const next = await iterator.next();
            if (next.done) {
              if (text) controller.enqueue(encoder.encode(text));
              controller.close();
              return;
            }
            text += csvRow(next.value);
          }
          controller.enqueue(encoder.encode(text));
        } catch (error) {
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

/** `name-2025-05-31.csv`, the date in the viewer's zone. */
export function csvFileName(name: string, date: string): string {
  return `${name}-${date}.csv`;
}

export function csvHeaders(fileName: string): HeadersInit {
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${fileName}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
}
