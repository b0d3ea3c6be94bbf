import "server-only";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeErrorForLog } from "@/lib/log/describe-error-for-log";
import { componentLogger } from "@/lib/log/logger";
import { notifyApprovalExpired } from "./notify-approval";

/**
 * Marks campaigns nobody decided on within the window as expired and emails
 * their requesters. Their reservation already stopped counting at the expiry
 * time (see counted-sends.ts); this makes the state say so. Runs lazily where
 * campaigns are read, and on the worker's schedule (expireAllApprovals), so
 * no timer has to be alive at the moment of expiry. The UPDATE … RETURNING
 * hands each campaign to exactly one caller, so concurrent sweeps never email
 * twice. A page read doesn't wait for the email (a slow mail server must not
 * hold the page); the worker's sweep does (`awaitMail`).
 */
export async function expireApprovals(workspaceId: string, options: { awaitMail?: boolean } = {}): Promise<number> {
  const expired = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE campaigns SET state = 'expired', finished_at = now(), updated_at = now()
    WHERE workspace_id = ${workspaceId}::uuid AND state = 'awaiting_approval' AND approval_expires_at <= now()
    RETURNING id::text AS id`;
  const mails: Promise<void>[] = [];
  for (const { id } of expired) {
    await recordAuditEvent({ workspaceId, actorId: null, action: "campaign.approval_expired", target: id, metadata: { from: "awaiting_approval", to: "expired" } });
    mails.push(notifyApprovalExpired(id).catch((error: unknown) => componentLogger("spending").error({ campaignId: id, error: describeErrorForLog(error) }, "expiry email failed")));
  }
  if (options.awaitMail) await Promise.all(mails);
  return expired.length;
}

/**
 * Every workspace's sweep at once, for the worker's schedule: a requester
 * hears of the expiry within minutes even when nobody opens the portal.
 */
export async function expireAllApprovals(): Promise<number> {
  const due = await db.$queryRaw<Array<{ workspace_id: string }>>`
    SELECT DISTINCT workspace_id::text AS workspace_id FROM campaigns WHERE state = 'awaiting_approval' AND approval_expires_at <= now()`;
  let expired = 0;
  for (const { workspace_id: workspaceId } of due) expired += await expireApprovals(workspaceId, { awaitMail: true });
  return expired;
}
