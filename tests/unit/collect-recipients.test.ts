import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import writeExcelFile from "write-excel-file/node";
import { collectFromText, invalidLinesCsv } from "@/lib/sending/collect-recipients";
import { collectFromFile, UnreadableFileError, UploadTooLargeError } from "@/lib/sending/read-recipient-file";

const csv = (text: string, column: number | null = null, maxBytes = 1_000_000) =>
  collectFromFile(Readable.from([Buffer.from(text, "utf8")]), "csv", { column, maxBytes });

describe("the Recipients textarea", () => {
  it("reads lines, commas, semicolons, tabs and spaces, and dedupes across written forms", () => {
    const list = collectFromText(
      ["0555 123 45 67", "+90 555 123 4567, 5321112233; 0532 111 22 33", "", "05441234567\t05051234567", "05061234567 05071234567", "hello", "0212 123 45 67"].join("\n"),
    );
    expect(list.valid).toEqual(["905551234567", "905321112233", "905441234567", "905051234567", "905061234567", "905071234567"]);
    expect(list.duplicates).toBe(2);
    expect(list.totalEntries).toBe(10);
    expect(list.invalid).toEqual([
      { line: 6, value: "hello", reason: expect.stringContaining("letters") },
      { line: 7, value: "0212 123 45 67", reason: expect.stringContaining("landline") },
    ]);
  });
});

describe("CSV uploads", () => {
  it("handles a BOM, a header, quotes, ; separators and empty lines, picking the phone column", async () => {
    const list = await csv('\uFEFFname;phone;city\n"Yılmaz; Ayşe";0555 123 45 67;İstanbul\n\n"Demir, Ali";"+90 532 111 22 33";Ankara\nVeli;0555-123-45-67;İzmir\nBad;12345;Bursa\n');
    expect(list.headerRow).toBe(true);
    expect(list.column).toBe(1);
    expect(list.columns.map((column) => column.label)).toEqual(["name", "phone", "city"]);
    expect(list.valid).toEqual(["905551234567", "905321112233"]);
    expect(list.duplicates).toBe(1);
    expect(list.invalid).toEqual([{ line: 6, value: "12345", reason: expect.any(String) }]);
    expect(list.totalEntries).toBe(4);
  });

  it("reads a headerless single column with Windows line ends, and the column the user chose", async () => {
    const plain = await csv("05551234567\r\n05321112233\r\n");
    expect(plain).toMatchObject({ headerRow: false, column: 0, valid: ["905551234567", "905321112233"], columns: [{ index: 0, label: "Column A" }] });
    const chosen = await csv("mobile,office\n05551234567,05321112233\n", 1);
    expect(chosen.valid).toEqual(["905321112233"]);
    expect(chosen.column).toBe(1);
  });

  it("reports a row without a number in the chosen column", async () => {
    const list = await csv("name,phone\nAli,\nVeli,05551234567\n");
    expect(list.invalid).toEqual([{ line: 2, value: "Ali, ", reason: "No number in the chosen column." }]);
  });

  it("stops above the size cap", async () => {
    await expect(csv("05551234567\n".repeat(100), null, 500)).rejects.toBeInstanceOf(UploadTooLargeError);
  });

  it("exports invalid lines as CSV with quotes doubled and formulas defused", () => {
    expect(invalidLinesCsv([{ line: 3, value: '=HYPERLINK("x")', reason: 'Bad "number"' }])).toBe(
      'line,value,reason\r\n3,"\'=HYPERLINK(""x"")","Bad ""number"""\r\n',
    );
  });
});

describe("Excel uploads", () => {
  it("reads numbers stored as text or as numbers, with a header", async () => {
    const buffer = await writeExcelFile([
      [{ value: "Ad" }, { value: "Telefon" }],
      [{ value: "Ayşe" }, { value: "0555 123 45 67" }],
      [{ value: "Ali" }, { value: 5321112233 }],
      [{ value: "Veli" }, { value: 905321112233 }],
      [{ value: "Can" }, { value: "0850 123 45 67" }],
    ]).toBuffer();
    const list = await collectFromFile(Readable.from([buffer]), "xlsx", { column: null, maxBytes: 1_000_000 });
    expect(list).toMatchObject({ headerRow: true, column: 1, valid: ["905551234567", "905321112233"], duplicates: 1, invalidCount: 1 });
    expect(list.invalid[0]).toMatchObject({ line: 5, reason: expect.stringContaining("service number") });
  });

  it("refuses a file that is not a spreadsheet", async () => {
    await expect(collectFromFile(Readable.from([Buffer.from("not a zip")]), "xlsx", { column: null, maxBytes: 1_000 })).rejects.toBeInstanceOf(UnreadableFileError);
  });
});
