import "server-only";
import { listSendings, type Sending, type YazsanaContext } from "@/lib/yazsana";

/**
 * Yazsana has no "get one sending": its stats come from the sendings list.
 * With a time hint (a message's `createdAt`, which Yazsana stamps with the
 * sending's time) a narrow window finds it in a page or two; without one the
 * newest sendings are searched, up to a bound, so a page never walks a
 * context's whole history. The window starts at ±5 s and only then widens to
 * ±10 min: an account sending a thousand SMS in ten minutes made every report
 * page list (and parse) ten pages of a hundred sendings to find its one.
 */
const WINDOWS_MS = [5_000, 10 * 60 * 1000];
const PAGE_SIZE = 100;
const MAX_PAGES_WITH_HINT = 10;
const MAX_PAGES_WITHOUT_HINT = 20;

export async function findSending(yazsana: YazsanaContext, id: string, createdAtHint?: string): Promise<Sending | null> {
  const hint = createdAtHint ? Date.parse(createdAtHint) : NaN;
  if (Number.isFinite(hint)) {
    for (const width of WINDOWS_MS) {
      const window = { startDate: new Date(hint - width).toISOString(), endDate: new Date(hint + width).toISOString() };
      const found = await searchPages(yazsana, id, window, MAX_PAGES_WITH_HINT);
      if (found) return found;
    }
  }
  return searchPages(yazsana, id, {}, MAX_PAGES_WITHOUT_HINT);
}

async function searchPages(
  yazsana: YazsanaContext,
  id: string,
  range: { startDate?: string; endDate?: string },
  maxPages: number,
): Promise<Sending | null> {
  for (let page = 0; page < maxPages; page += 1) {
    const result = await listSendings(yazsana, { ...range, page, limit: PAGE_SIZE });
    const match = result.items.find((sending) => sending.id === id);
    if (match) return match;
    if (result.items.length < PAGE_SIZE || (page + 1) * PAGE_SIZE >= result.total) return null;
  }
  return null;
}
