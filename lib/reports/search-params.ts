/** What Next.js hands a page as `searchParams`, and a route handler's URLSearchParams, in one shape. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

export function rawFromUrl(params: URLSearchParams): RawSearchParams {
  const raw: RawSearchParams = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    raw[name] = values.length === 1 ? values[0] : values;
  }
  return raw;
}

/** A repeated parameter counts by its first value; an empty one counts as absent. */
export function firstValue(raw: RawSearchParams, name: string): string | undefined {
  const value = raw[name];
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 20;
/** Longer search texts are cut: no message is longer than 160 characters anyway. */
export const MAX_SEARCH_LENGTH = 160;
const MAX_PAGE = 100_000;

/** Why a URL value was replaced by its default; the page words it in the reader's language. */
export type ReportNote =
  | { key: "page" }
  | { key: "limit"; sizes: string; size: number }
  | { key: "choice"; name: string; allowed: string }
  | { key: "date"; name: string }
  | { key: "range" }
  | { key: "textCut"; max: number };

/**
 * The shared part of both report URLs. Each bad value falls back to its
 * default and leaves a short note for the page, never an error.
 */
export function readPaging(raw: RawSearchParams, notes: ReportNote[]): { page: number; limit: PageSize } {
  let page = 1;
  const pageText = firstValue(raw, "page");
  if (pageText !== undefined) {
    const parsed = /^\d{1,6}$/.test(pageText) ? Number(pageText) : NaN;
    if (parsed >= 1 && parsed <= MAX_PAGE) page = parsed;
    else notes.push({ key: "page" });
  }
  let limit: PageSize = DEFAULT_PAGE_SIZE;
  const limitText = firstValue(raw, "limit");
  if (limitText !== undefined) {
    const match = PAGE_SIZES.find((size) => String(size) === limitText);
    if (match) limit = match;
    else notes.push({ key: "limit", sizes: PAGE_SIZES.join(", "), size: DEFAULT_PAGE_SIZE });
  }
  return { page, limit };
}

export function readText(raw: RawSearchParams, notes: ReportNote[]): string | undefined {
  const text = firstValue(raw, "text");
  if (text === undefined || text.length <= MAX_SEARCH_LENGTH) return text;
  notes.push({ key: "textCut", max: MAX_SEARCH_LENGTH });
  return text.slice(0, MAX_SEARCH_LENGTH);
}

export function readChoice<T extends string>(raw: RawSearchParams, name: string, allowed: readonly T[], notes: ReportNote[]): T | undefined {
  const value = firstValue(raw, name);
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  notes.push({ key: "choice", name, allowed: allowed.join(", ") });
  return undefined;
}

/** A query string without empty values, in a stable order, for links that keep the other filters. */
export function toQueryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
