import type { Page } from "@/lib/yazsana";

/** The largest page Yazsana serves. */
export const EXPORT_PAGE_SIZE = 100;

/**
 * Every page of a paged list, one upstream page at a time, fetched only when
 * the previous page has been consumed. Stops at the first short or empty page
 * as well as at `total`, so a list that shrinks mid-export still ends.
 */
export async function* walkPages<T>(fetchPage: (page: number, limit: number) => Promise<Page<T>>): AsyncGenerator<T[]> {
  for (let page = 0; ; page += 1) {
    const result = await fetchPage(page, EXPORT_PAGE_SIZE);
    if (result.items.length > 0) yield result.items;
    // Yazsana may serve fewer than asked for (its `limit` says how many).
    const served = result.limit > 0 ? Math.min(result.limit, EXPORT_PAGE_SIZE) : EXPORT_PAGE_SIZE;
    if (result.items.length === 0 || result.items.length < served || (page + 1) * served >= result.total) return;
  }
}
