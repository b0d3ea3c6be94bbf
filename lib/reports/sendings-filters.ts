import type { ListSendingsQuery } from "@/lib/yazsana/schemas";
import { endOfDayIso, isCalendarDate, startOfDayIso } from "./date-range";
import { DEFAULT_PAGE_SIZE, firstValue, readChoice, readPaging, readText, toQueryString, type PageSize, type RawSearchParams, type ReportNote } from "./search-params";

/**
 * The /reports URL: exactly `page`, `limit`, `from`, `to`, `completed`,
 * `text`, `source`, so links stay stable and shareable.
 */
export type SendingsFilters = {
  page: number;
  limit: PageSize;
  from?: string;
  to?: string;
  completed?: "yes" | "no";
  text?: string;
  source?: "api" | "panel";
};

export type ParsedSendingsFilters = { filters: SendingsFilters; notes: ReportNote[] };

export function parseSendingsFilters(raw: RawSearchParams): ParsedSendingsFilters {
  const notes: ReportNote[] = [];
  const { page, limit } = readPaging(raw, notes);
  const filters: SendingsFilters = { page, limit };
  const from = readDate(raw, "from", notes);
  const to = readDate(raw, "to", notes);
  if (from && to && to < from) {
    notes.push({ key: "range" });
  } else {
    if (from) filters.from = from;
    if (to) filters.to = to;
  }
  const completed = readChoice(raw, "completed", ["yes", "no"] as const, notes);
  if (completed) filters.completed = completed;
  const source = readChoice(raw, "source", ["api", "panel"] as const, notes);
  if (source) filters.source = source;
  const text = readText(raw, notes);
  if (text) filters.text = text;
  return { filters, notes };
}

function readDate(raw: RawSearchParams, name: "from" | "to", notes: ReportNote[]): string | undefined {
  const value = firstValue(raw, name);
  if (value === undefined) return undefined;
  if (isCalendarDate(value)) return value;
  notes.push({ key: "date", name });
  return undefined;
}

/** The upstream query: zero-based page, whole days of the viewer's zone as instants, yes/no as booleans. */
export function toSendingsQuery(filters: SendingsFilters, timeZone: string): ListSendingsQuery {
  const query: ListSendingsQuery = { page: filters.page - 1, limit: filters.limit };
  if (filters.from) query.startDate = startOfDayIso(filters.from, timeZone);
  if (filters.to) query.endDate = endOfDayIso(filters.to, timeZone);
  if (filters.completed) query.completed = filters.completed === "yes";
  if (filters.text) query.text = filters.text;
  if (filters.source) query.source = filters.source;
  return query;
}

/** `/reports` with these filters; defaults are left out so URLs stay short. */
export function sendingsHref(filters: SendingsFilters, changes: Partial<SendingsFilters> = {}, path = "/reports"): string {
  const next = { ...filters, ...changes };
  return `${path}${toQueryString({
    page: next.page === 1 ? undefined : next.page,
    limit: next.limit === DEFAULT_PAGE_SIZE ? undefined : next.limit,
    from: next.from,
    to: next.to,
    completed: next.completed,
    text: next.text,
    source: next.source,
  })}`;
}

/** The filters without paging, e.g. for the export link (which takes every row). */
export function hasActiveFilters(filters: SendingsFilters): boolean {
  return Boolean(filters.from || filters.to || filters.completed || filters.text || filters.source);
}

/** The active filters as phrases, for the empty state (worded by the page). */
export type FilterPhrase =
  | { key: "on" | "from" | "until"; date: string }
  | { key: "between"; from: string; to: string }
  | { key: "completed" | "notCompleted" | "api" | "panel" }
  | { key: "text"; text: string };

export function describeSendingsFilters(filters: SendingsFilters): FilterPhrase[] {
  const parts: FilterPhrase[] = [];
  if (filters.from && filters.to) parts.push(filters.from === filters.to ? { key: "on", date: filters.from } : { key: "between", from: filters.from, to: filters.to });
  else if (filters.from) parts.push({ key: "from", date: filters.from });
  else if (filters.to) parts.push({ key: "until", date: filters.to });
  if (filters.completed) parts.push({ key: filters.completed === "yes" ? "completed" : "notCompleted" });
  if (filters.source) parts.push({ key: filters.source });
  if (filters.text) parts.push({ key: "text", text: filters.text });
  return parts;
}
