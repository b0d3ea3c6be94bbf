import "server-only";

export type PagingFinding = {
  /** 1.2.0 pages from 0; 1.0.0 paged from 1. */
  base: "zero" | "one" | "unknown";
  evidence: string;
};

type PageAnswer = { status?: number; body?: unknown };
type PageData = { page?: number; total?: number; items?: { id?: unknown }[] };

/**
 * Tells zero- from one-based paging using the answers to page=0 and page=1
 * (limit 1). A one-based API either rejects page 0, answers it as page 1 (and
 * says so in `page`), or quietly repeats page 1's item.
 */
export function detectPageBase(pageZero: PageAnswer, pageOne: PageAnswer): PagingFinding {
  const ok = (answer: PageAnswer) => answer.status !== undefined && answer.status >= 200 && answer.status < 300;
  if (!ok(pageZero) && ok(pageOne)) {
    return { base: "one", evidence: `page=0 was refused (HTTP ${pageZero.status}) while page=1 was answered` };
  }
  if (!ok(pageZero) || !ok(pageOne)) return { base: "unknown", evidence: "the sendings list could not be read" };

  const zero = pageData(pageZero.body);
  const one = pageData(pageOne.body);
  if (zero.page === 1) return { base: "one", evidence: "a request for page=0 was answered as page 1" };
  if (one.page === 2) return { base: "one", evidence: "a request for page=1 was answered as page 2" };

  const zeroId = zero.items?.[0]?.id;
  const oneId = one.items?.[0]?.id;
  if (zeroId !== undefined && zeroId === oneId) {
    return { base: "one", evidence: "page=0 and page=1 returned the same sending" };
  }
  if (zeroId === undefined && oneId !== undefined) {
    return { base: "one", evidence: "page=0 was empty while page=1 held a sending" };
  }
  if (zero.page === 0 && one.page === 1) {
    if (zeroId !== undefined && oneId !== undefined) return { base: "zero", evidence: "page=0 and page=1 returned consecutive sendings" };
    return { base: "zero", evidence: "page=0 and page=1 were echoed as requested" };
  }
  if (zero.total !== undefined && zero.total < 2) {
    return { base: "unknown", evidence: "fewer than two sendings exist, so page 0 and page 1 cannot be compared" };
  }
  return { base: "unknown", evidence: "the answers do not show which page base is used" };
}

function pageData(body: unknown): PageData {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (typeof data !== "object" || data === null) return {};
  const { page, total, items } = data as { page?: unknown; total?: unknown; items?: unknown };
  const result: PageData = {};
  const pageNumber = asNumber(page);
  const totalNumber = asNumber(total);
  if (pageNumber !== undefined) result.page = pageNumber;
  if (totalNumber !== undefined) result.total = totalNumber;
  if (Array.isArray(items)) result.items = items as { id?: unknown }[];
  return result;
}

// Counts may arrive as strings; the client's schema coerces them the same way.
function asNumber(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) ? number : undefined;
}
