import { listSendingMessagesQuery, SMS_PERMISSIONS } from "../../lib/yazsana/schemas";
import { authenticateInContext, requirePermission } from "../auth";
import { notFound } from "../http";
import { selectMessages } from "../message-index";
import { costOf, formatMoney } from "../money";
import { pageBody, readListQuery } from "../paging";
import { ok, type Handler } from "../runtime";
import { messageView } from "../views";

/** A sending outside the caller's context answers 404, exactly like one that does not exist. */
export const listSendingMessages: Handler = ({ runtime, headers, query, params }) => {
  const caller = authenticateInContext(runtime.state, headers);
  requirePermission(caller, SMS_PERMISSIONS.read);
  const sending = runtime.state.sendings.get(params.id ?? "");
  if (!sending || sending.userId !== caller.user.id || sending.organizationId !== (caller.organization?.id ?? null)) {
    throw notFound("Sending not found");
  }
  const { filters, paging } = readListQuery(listSendingMessagesQuery, query, runtime.apiVersion);
  const { total, positions } = selectMessages(sending, filters, paging);
  const cost = formatMoney(costOf(sending.unitPrice, 1));
  const items = positions.map((position) => messageView(sending, sending.messages[position]!, cost));
  return ok(pageBody(items, total, paging, runtime.apiVersion));
};
