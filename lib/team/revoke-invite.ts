import "server-only";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { lockTeam } from "./lock-team";

/** Withdraws a pending invitation; its link stops working. False when there is none with that id in this workspace. */
export async function revokeInvite(input: { workspaceId: string; actorId: string; inviteId: string }): Promise<{ ok: true; email: string } | { ok: false }> {
  return db.$transaction(async (tx) => {
    await lockTeam(tx, input.workspaceId);
    const invite = await tx.invite.findFirst({
      where: { id: input.inviteId, workspaceId: input.workspaceId, status: "pending" },
      select: { id: true, email: true, role: true },
    });
    if (!invite) return { ok: false } as const;
    await tx.invite.update({ where: { id: invite.id }, data: { status: "revoked", closedAt: new Date() } });
    await recordAuditEvent(
      { workspaceId: input.workspaceId, actorId: input.actorId, action: "invite.revoked", target: invite.email, metadata: { email: invite.email, role: invite.role } },
      tx,
    );
    return { ok: true, email: invite.email } as const;
  });
}
