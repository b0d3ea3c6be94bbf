import { MESSAGE_STATUSES, type ListSendingMessagesQuery, type MessageStatus } from "@/lib/yazsana/schemas";
import { DEFAULT_PAGE_SIZE, readChoice, readPaging, readText, toQueryString, type PageSize, type RawSearchParams, type ReportNote } from "./search-params";

/** The /reports/<sendingId> URL: `status`, `text`, `page`, `limit`. */
export type MessagesFilters = { page: number; limit: PageSize; status?: MessageStatus; text?: string };

export function parseMessagesFilters(raw: RawSearchParams): { filters: MessagesFilters; notes: ReportNote[] } {
  const notes: ReportNote[] = [];
  const { page, limit } = readPaging(raw, notes);
  const filters: MessagesFilters = { page, limit };
  const status = readChoice(raw, "status", MESSAGE_STATUSES, notes);
  if (status) filters.status = status;
  const text = readText(raw, notes);
  if (text) filters.text = text;
  return { filters, notes };
}

export function toMessagesQuery(filters: MessagesFilters): ListSendingMessagesQuery {
  const query: ListSendingMessagesQuery = { page: filters.page - 1, limit: filters.limit };
  if (filters.status) query.status = filters.status;
  if (filters.text) query.text = filters.text;
  return query;
}

export function messagesHref(sendingId: string, filters: MessagesFilters, changes: Partial<MessagesFilters> = {}, suffix = ""): string {
  const next = { ...filters, ...changes };
  return `/reports/${sendingId}${suffix}${toQueryString({
    page: next.page === 1 ? undefined : next.page,
    limit: next.limit === DEFAULT_PAGE_SIZE ? undefined : next.limit,
    status: next.status,
    text: next.text,
  })}`;
}
