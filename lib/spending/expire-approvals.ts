import "server-only";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/**
 * Marks campaigns nobody decided on within the window as expired. Their
 * reservation already stopped counting at the expiry time (see
 * counted-sends.ts); this makes the state say so. Runs lazily where
 * campaigns are read, so no timer has to be alive at the moment of expiry.
 */
export async function expireApprovals(workspaceId: string): Promise<number> {
  const expired = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE campaigns SET state = 'expired', finished_at = now(), updated_at = now()
    WHERE workspace_id = ${workspaceId}::uuid AND state = 'awaiting_approval' AND approval_expires_at <= now()
    RETURNING id::text AS id`;
  for (const { id } of expired) {
    await recordAuditEvent({ workspaceId, actorId: null, action: "campaign.approval_expired", target: id, metadata: { from: "awaiting_approval", to: "expired" } });
  }
  return expired.length;
}
