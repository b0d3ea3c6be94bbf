import { z } from "zod";
import { parseOr400 } from "./http";
import type { ApiVersion } from "./runtime";

/** Larger requests are served at this size (and the response says so in `limit`). */
export const MAX_PAGE_LIMIT = 100;

/** Zero-based `index`, whatever numbering the API version speaks on the wire. */
export type Paging = { index: number; limit: number; offset: number };

const oneBasedPage = z.coerce.number().int().min(1);

/**
 * Parses a list query with its shared schema. API 1.0.0 numbered pages from
 * one, so there the wire page is shifted before the (zero-based) schema sees it.
 */
export function readListQuery<S extends z.ZodType<{ page: number; limit: number }>>(
  schema: S,
  query: URLSearchParams,
  apiVersion: ApiVersion,
): { filters: z.output<S>; paging: Paging } {
  const raw: Record<string, string> = Object.fromEntries(query);
  if (apiVersion === "1.0.0" && raw.page !== undefined) {
    raw.page = String(parseOr400(z.object({ page: oneBasedPage }), raw, "query").page - 1);
  }
  const filters = parseOr400(schema, raw, "query");
  const limit = Math.min(filters.limit, MAX_PAGE_LIMIT);
  return { filters, paging: { index: filters.page, limit, offset: filters.page * limit } };
}

export function pageBody<T>(items: T[], total: number, paging: Paging, apiVersion: ApiVersion) {
  return {
    items,
    total,
    page: apiVersion === "1.0.0" ? paging.index + 1 : paging.index,
    limit: paging.limit,
    totalPages: Math.ceil(total / paging.limit),
  };
}
