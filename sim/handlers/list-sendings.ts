import { listSendingsQuery, SMS_PERMISSIONS } from "../../lib/yazsana/schemas";
import { authenticateInContext, requirePermission } from "../auth";
import { pageBody, readListQuery } from "../paging";
import { ok, type Handler } from "../runtime";
import { contextKey, isCompleted, type SimSending } from "../state";
import { containsFolded, foldForSearch } from "../text-search";
import { sendingView } from "../views";

/**
 * Sendings of the caller's context only (personal = made without x-org-id),
 * newest first. Walks the context's list once; only the page is rendered.
 */
export const listSendings: Handler = ({ runtime, headers, query }) => {
  const caller = authenticateInContext(runtime.state, headers);
  requirePermission(caller, SMS_PERMISSIONS.read);
  const { filters, paging } = readListQuery(listSendingsQuery, query, runtime.apiVersion);

  const from = filters.startDate ? Date.parse(filters.startDate) : -Infinity;
  const until = filters.endDate ? Date.parse(filters.endDate) : Infinity;
  const needle = foldForSearch(filters.text ?? "");
  const keep = (sending: SimSending) =>
    sending.createdAt >= from &&
    sending.createdAt <= until &&
    (filters.completed === undefined || isCompleted(sending) === filters.completed) &&
    (filters.source === undefined || sending.source === filters.source) &&
    containsFolded(sending.message, needle);

  const list = runtime.state.sendingsByContext.get(contextKey(caller.user.id, caller.organization?.id ?? null)) ?? [];
  const page: SimSending[] = [];
  let total = 0;
  for (let position = list.length - 1; position >= 0; position -= 1) {
    const sending = list[position]!;
    if (!keep(sending)) continue;
    if (total >= paging.offset && page.length < paging.limit) page.push(sending);
    total += 1;
  }
  const items = page.map((sending) => sendingView(sending, runtime.apiVersion));
  return ok(pageBody(items, total, paging, runtime.apiVersion));
};
