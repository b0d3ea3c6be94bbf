import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "@/lib/reports/csv";
import { datePresets, endOfDayIso, isCalendarDate, startOfDayIso, todayIn } from "@/lib/reports/date-range";
import { parseMessagesFilters, toMessagesQuery } from "@/lib/reports/messages-filters";
import { parseSendingsFilters, sendingsHref, toSendingsQuery } from "@/lib/reports/sendings-filters";
import { statusBreakdown } from "@/lib/reports/status-breakdown";

describe("report dates in the viewer's time zone", () => {
  it("maps a day in Istanbul (UTC+3, no DST) to its UTC instants", () => {
    expect(startOfDayIso("2025-03-10", "Europe/Istanbul")).toBe("2025-03-09T21:00:00.000Z");
    expect(endOfDayIso("2025-03-10", "Europe/Istanbul")).toBe("2025-03-10T20:59:59.999Z");
  });

  it("follows DST: New York's spring-forward day has 23 hours, its fall-back day 25", () => {
    expect(startOfDayIso("2025-03-09", "America/New_York")).toBe("2025-03-09T05:00:00.000Z");
    expect(endOfDayIso("2025-03-09", "America/New_York")).toBe("2025-03-10T03:59:59.999Z");
    expect(startOfDayIso("2025-11-02", "America/New_York")).toBe("2025-11-02T04:00:00.000Z");
    expect(endOfDayIso("2025-11-02", "America/New_York")).toBe("2025-11-03T04:59:59.999Z");
  });

  it("knows today and the presets by the zone's calendar, not UTC's", () => {
    const lateEveningUtc = new Date("2025-05-31T22:30:00Z"); // already 1 June in Istanbul
    expect(todayIn("UTC", lateEveningUtc)).toBe("2025-05-31");
    expect(todayIn("Europe/Istanbul", lateEveningUtc)).toBe("2025-06-01");
    expect(datePresets("Europe/Istanbul", lateEveningUtc).map(({ id, from, to }) => ({ id, from, to }))).toEqual([
      { id: "today", from: "2025-06-01", to: "2025-06-01" },
      { id: "last7", from: "2025-05-26", to: "2025-06-01" },
      { id: "last30", from: "2025-05-03", to: "2025-06-01" },
    ]);
  });

  it("counts preset days on the calendar, across DST, month, year and leap-day edges", () => {
    const presets = (zone: string, now: string) => datePresets(zone, new Date(now)).map(({ from, to }) => `${from}..${to}`);
    // New York springs forward on 9 March 2025: the week before still has 7 days.
    expect(presets("America/New_York", "2025-03-10T12:00:00Z")).toEqual(["2025-03-10..2025-03-10", "2025-03-04..2025-03-10", "2025-02-09..2025-03-10"]);
    // Already 1 January 2025 at UTC+14 while UTC is still on 31 December.
    expect(presets("Pacific/Kiritimati", "2024-12-31T11:00:00Z")).toEqual(["2025-01-01..2025-01-01", "2024-12-26..2025-01-01", "2024-12-03..2025-01-01"]);
    expect(presets("UTC", "2024-03-05T00:00:00Z")).toEqual(["2024-03-05..2024-03-05", "2024-02-28..2024-03-05", "2024-02-05..2024-03-05"]);
  });

  it("accepts only real calendar days", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    for (const bad of ["2025-02-29", "2025-13-01", "2025-1-01", "31.05.2025", "2025-05-31T00:00", ""]) expect(isCalendarDate(bad)).toBe(false);
  });
});

describe("the /reports URL", () => {
  it("maps each parameter to the upstream query", () => {
    const map = (raw: Record<string, string>) => toSendingsQuery(parseSendingsFilters(raw).filters, "Europe/Istanbul");
    expect(map({})).toEqual({ page: 0, limit: 20 });
    expect(map({ page: "3" })).toEqual({ page: 2, limit: 20 });
    expect(map({ limit: "50" })).toEqual({ page: 0, limit: 50 });
    expect(map({ from: "2025-03-10" })).toEqual({ page: 0, limit: 20, startDate: "2025-03-09T21:00:00.000Z" });
    expect(map({ to: "2025-03-10" })).toEqual({ page: 0, limit: 20, endDate: "2025-03-10T20:59:59.999Z" });
    expect(map({ completed: "yes" })).toEqual({ page: 0, limit: 20, completed: true });
    expect(map({ completed: "no" })).toEqual({ page: 0, limit: 20, completed: false });
    expect(map({ text: "  kampanya " })).toEqual({ page: 0, limit: 20, text: "kampanya" });
    expect(map({ source: "panel" })).toEqual({ page: 0, limit: 20, source: "panel" });
    expect(map({ page: "2", limit: "10", from: "2025-03-01", to: "2025-03-10", completed: "no", text: "kod", source: "api" })).toEqual({
      page: 1,
      limit: 10,
      startDate: "2025-02-28T21:00:00.000Z",
      endDate: "2025-03-10T20:59:59.999Z",
      completed: false,
      text: "kod",
      source: "api",
    });
  });

  it("falls back to defaults with a note for every malformed value, never throwing", () => {
    const { filters, notes } = parseSendingsFilters({ page: "abc", limit: "-5", source: "<script>", completed: "maybe", from: "2025-02-30" });
    expect(filters).toEqual({ page: 1, limit: 20 });
    expect(notes).toHaveLength(5);
    const reversed = parseSendingsFilters({ from: "2025-03-10", to: "2025-03-01" });
    expect(reversed.filters).toEqual({ page: 1, limit: 20 });
    expect(reversed.notes).toEqual([{ key: "range" }]);
    expect(parseSendingsFilters({ page: ["2", "9"], limit: "25" })).toMatchObject({ filters: { page: 2, limit: 20 }, notes: [{ key: "limit", sizes: "10, 20, 50, 100", size: 20 }] });
  });

  it("builds links that keep the other filters and leave defaults out", () => {
    const { filters } = parseSendingsFilters({ page: "2", text: "İndirim & kod", source: "api" });
    expect(sendingsHref(filters)).toBe("/reports?page=2&text=%C4%B0ndirim+%26+kod&source=api");
    expect(sendingsHref(filters, { page: 1 })).toBe("/reports?text=%C4%B0ndirim+%26+kod&source=api");
  });

  it("maps the sending page's status, text and paging", () => {
    expect(toMessagesQuery(parseMessagesFilters({ status: "no_signal", text: "0555", page: "4", limit: "100" }).filters)).toEqual({
      page: 3,
      limit: 100,
      status: "no_signal",
      text: "0555",
    });
    expect(parseMessagesFilters({ status: "delivered" })).toMatchObject({ filters: { page: 1, limit: 20 }, notes: [{ key: "choice", name: "status", allowed: "pending, waiting, sent, not_sent, no_signal" }] });
  });
});

describe("CSV cells", () => {
  it("escapes formulas and quotes what needs quoting", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("+90 555")).toBe("'+90 555");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("Bahar, %20 indirim")).toBe(`"Bahar, %20 indirim"`);
    expect(csvCell("satır\nsatır")).toBe(`"satır\nsatır"`);
    expect(csvCell("0.012000")).toBe("0.012000");
    expect(csvRow(["a", undefined, "ç"])).toBe("a,,ç\r\n");
  });
});

describe("the status bar", () => {
  it("splits failed into kept and refunded so nothing is counted twice", () => {
    const { parts, summary } = statusBreakdown({ nOfPending: 1, nOfWaiting: 1, nOfCompleted: 4, nOfFailed: 4, nOfRefunded: 3 });
    expect(parts.map((part) => [part.key, part.count])).toEqual([
      ["pending", 1],
      ["waiting", 1],
      ["completed", 4],
      ["failed", 1],
      ["refunded", 3],
    ]);
    expect(parts.reduce((sum, part) => sum + part.share, 0)).toBeCloseTo(1);
    expect(summary).toBe("1 pending, 1 waiting, 4 completed, 4 failed, 3 refunded");
  });
});
