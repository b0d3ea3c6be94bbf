import { translatorFor, type AppTranslator } from "@/lib/i18n/translator";
import enSending from "@/messages/en/sending.json";
import { describeInvalidLine, type InvalidLine } from "./describe-invalid-line";
import { normalizePhone, type PhoneProblem } from "./normalize-phone";

export type { InvalidLine };
/** Why a line was refused: a phone problem, or an empty cell in the chosen column. */
type LineProblem = PhoneProblem | "no_number";

export type ColumnChoice = { index: number; label: string };

export type RecipientList = {
  /** Entries read (file rows after the header, or textarea entries); empty lines are not counted. */
  totalEntries: number;
  /** Valid numbers in 905XXXXXXXXX form, first occurrence order, each once. */
  valid: string[];
  /** Valid entries dropped because the same number came earlier (in any written form). */
  duplicates: number;
  invalidCount: number;
  /** The first MAX_INVALID_KEPT invalid entries with their line numbers and reasons. */
  invalid: InvalidLine[];
  /** File input only: the columns found, which one was read, and whether line 1 was a header. */
  columns: ColumnChoice[];
  column: number | null;
  headerRow: boolean;
};

/** Enough to fix a file; a 100,000-line list of garbage must not come back whole. */
export const MAX_INVALID_KEPT = 5_000;
const MAX_VALUE_SHOWN = 80;
/** Rows looked at before the column and header are decided. */
const LOOKAHEAD_ROWS = 50;

/**
 * Dedupes and validates numbers as they stream in. Holds one Set and one
 * array of the valid numbers, never the input itself.
 */
export class RecipientCollector {
  private readonly seen = new Set<string>();
  readonly valid: string[] = [];
  totalEntries = 0;
  duplicates = 0;
  invalidCount = 0;
  readonly invalid: InvalidLine[] = [];

  /** Adds one entry; true when it was a valid number (new or duplicate). */
  add(line: number, value: string): boolean {
    const result = normalizePhone(value);
    this.totalEntries++;
    if (!result.ok) {
      this.reject(line, value, result.problem);
      return false;
    }
    if (this.seen.has(result.number)) this.duplicates++;
    else {
      this.seen.add(result.number);
      this.valid.push(result.number);
    }
    return true;
  }

  reject(line: number, value: string, problem: LineProblem) {
    this.invalidCount++;
    if (this.invalid.length < MAX_INVALID_KEPT) {
      const shown = value.length > MAX_VALUE_SHOWN ? `${value.slice(0, MAX_VALUE_SHOWN - 1)}…` : value;
      const reason = problem === "no_number" ? enSending.phone.noNumberInColumn : enSending.phone[problem];
      this.invalid.push({ line, value: shown, reason });
    }
  }

  list(extra: Pick<RecipientList, "columns" | "column" | "headerRow">): RecipientList {
    const { totalEntries, valid, duplicates, invalidCount, invalid } = this;
    return { totalEntries, valid, duplicates, invalidCount, invalid, ...extra };
  }
}

/**
 * The Recipients textarea: one number per line, or several separated by
 * commas, semicolons, tabs or spaces. A piece with spaces is first read as one
 * number ("0555 123 45 67"); only if that fails and every space-separated
 * token is a number on its own is it read as several.
 */
export function collectFromText(text: string): RecipientList {
  const collector = new RecipientCollector();
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    for (const raw of line.split(/[,;\t]/)) {
      const piece = raw.trim();
      if (!piece) continue;
      if (normalizePhone(piece).ok || !/\s/.test(piece)) {
        collector.add(index + 1, piece);
        continue;
      }
      const tokens = piece.split(/\s+/);
      if (tokens.every((token) => normalizePhone(token).ok)) tokens.forEach((token) => collector.add(index + 1, token));
      else collector.add(index + 1, piece);
    }
  });
  return collector.list({ columns: [], column: null, headerRow: false });
}

const columnName = (index: number) => {
  let name = "";
  for (let rest = index; rest >= 0; rest = Math.floor(rest / 26) - 1) name = String.fromCharCode(65 + (rest % 26)) + name;
  return `Column ${name}`;
};

/**
 * Rows of a CSV or Excel sheet, fed one at a time. The first rows are held
 * back to decide which column holds the numbers (the one with most valid
 * numbers, unless the user chose) and whether line 1 is a header; then rows
 * stream straight into the collector.
 */
export class RowCollector {
  private readonly collector = new RecipientCollector();
  private readonly held: Array<{ line: number; cells: string[] }> = [];
  private decided: { column: number; headerRow: boolean; columns: ColumnChoice[] } | null = null;
  private widest = 0;

  constructor(private readonly requestedColumn: number | null) {}

  push(line: number, cells: string[]) {
    if (cells.every((cell) => cell.trim() === "")) return;
    this.widest = Math.max(this.widest, cells.length);
    if (this.decided) return this.take(line, cells);
    this.held.push({ line, cells });
    if (this.held.length >= LOOKAHEAD_ROWS) this.decide();
  }

  finish(): RecipientList {
    if (!this.decided) this.decide();
    const decided = this.decided!;
    const columns = decided.columns.length >= this.widest ? decided.columns : this.labels(this.widest, decided.headerRow ? this.headerCells : []);
    return this.collector.list({ columns, column: decided.column, headerRow: decided.headerRow });
  }

  private headerCells: string[] = [];

  private decide() {
    const width = Math.max(1, ...this.held.map((row) => row.cells.length));
    const scores = Array.from({ length: width }, (_, column) =>
      this.held.slice(1).filter((row) => normalizePhone(row.cells[column] ?? "").ok).length,
    );
    const best = scores.indexOf(Math.max(...scores));
    const column = this.requestedColumn !== null && this.requestedColumn < width ? this.requestedColumn : best;
    const first = this.held[0];
    const headerRow = !!first && !normalizePhone(first.cells[column] ?? "").ok && first.cells.some((cell) => /\p{L}/u.test(cell));
    this.headerCells = headerRow && first ? first.cells : [];
    this.decided = { column, headerRow, columns: this.labels(width, this.headerCells) };
    for (const row of headerRow ? this.held.slice(1) : this.held) this.take(row.line, row.cells);
    this.held.length = 0;
  }

  private labels(width: number, header: string[]): ColumnChoice[] {
    return Array.from({ length: width }, (_, index) => ({ index, label: header[index]?.trim() || columnName(index) }));
  }

  private take(line: number, cells: string[]) {
    const value = (cells[this.decided!.column] ?? "").trim();
    if (!value) {
      this.collector.totalEntries++;
      this.collector.reject(line, cells.join(", "), "no_number");
      return;
    }
    this.collector.add(line, value);
  }
}

/** The invalid lines as a CSV file people can open and fix (quotes doubled, formulas defused), headed and worded in the reader's language. */
export function invalidLinesCsv(lines: InvalidLine[], t: AppTranslator<"sending"> = translatorFor("en", "sending")): string {
  const quote = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  const header = [t("invalidLinesCsv.line"), t("invalidLinesCsv.value"), t("invalidLinesCsv.reason")].join(",");
  return [header, ...lines.map((line) => `${line.line},${quote(line.value)},${quote(describeInvalidLine(line, t))}`)].join("\r\n") + "\r\n";
}
