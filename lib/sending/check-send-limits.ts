import "server-only";
import { getServerLocale } from "@/lib/i18n/server-translations";
import { translatorFor } from "@/lib/i18n/translator";
import { componentLogger } from "@/lib/log/logger";
import { consumeRateLimit, refundRateLimit, tryAgainIn } from "@/lib/rate-limit/consume-rate-limit";
import { rateLimitRules } from "@/lib/rate-limit/rate-limit-rules";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";

const log = componentLogger("sending");

/**
 * The send limits, checked (and counted) just before anything is sent or
 * queued: one send operation for the member this minute
 * (SEND_LIMIT_PER_MEMBER_PER_MINUTE) and `messages` messages for the workspace
 * today (SEND_LIMIT_PER_WORKSPACE_PER_DAY). Kept in PostgreSQL, so they hold
 * across every app instance. Answers null when the send may go ahead, or a
 * sentence in the request's language saying which limit and when to try
 * again; then nothing was counted and nothing may be sent.
 */
export async function refuseOverSendLimits(context: WorkspaceContext, messages: number): Promise<string | null> {
  const memberKey = `${context.workspace.id}:${context.user.id}`;
  const workspaceKey = context.workspace.id;
  const rules = rateLimitRules();
  const locale = await getServerLocale();
  const t = translatorFor(locale, "sendLimits");
  const dailyLimit = rules.sendMessagesByWorkspace.points;

  // No wait makes a campaign larger than a whole day's allowance possible.
  if (messages > dailyLimit) return t("overDailyLimit", { count: messages, limit: dailyLimit });

  const member = await consumeRateLimit("sendsByMember", memberKey);
  if (!member.allowed) {
    await refundRateLimit("sendsByMember", memberKey);
    log.warn({ limit: "sendsByMember", retryAfterSeconds: member.retryAfterSeconds }, "send refused by the per-member limit");
    return t("perMemberPerMinute", { limit: rules.sendsByMember.points, when: tryAgainIn(member.retryAfterSeconds, locale) });
  }
  const workspace = await consumeRateLimit("sendMessagesByWorkspace", workspaceKey, messages);
  if (!workspace.allowed) {
    await Promise.all([refundRateLimit("sendsByMember", memberKey), refundRateLimit("sendMessagesByWorkspace", workspaceKey, messages)]);
    log.warn({ limit: "sendMessagesByWorkspace", messages, retryAfterSeconds: workspace.retryAfterSeconds }, "send refused by the per-workspace daily limit");
    return t("perWorkspacePerDay", { limit: dailyLimit, when: tryAgainIn(workspace.retryAfterSeconds, locale) });
  }
  return null;
}
