import "server-only";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { newOneTimeToken } from "@/lib/crypto/one-time-token";
import { consumeDailyInvite, type IssuedInvite } from "./create-invite";
import { lockTeam } from "./lock-team";
import { readTeamConfig } from "./team-config";
import type { InvitableRole } from "./team-rules";

export type ResendInviteResult =
  | ({ ok: true } & IssuedInvite)
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "daily_limit"; retryAfterSeconds: number };

/**
 * Replaces a pending (or expired) invitation with a new one carrying a new
 * token and a fresh expiry; the old link stops working at once. An id from
 * another workspace is not found.
 */
export async function resendInvite(input: { workspaceId: string; actorId: string; inviteId: string }): Promise<ResendInviteResult> {
  const config = readTeamConfig();
  return db.$transaction(async (tx) => {
    await lockTeam(tx, input.workspaceId);
    const old = await tx.invite.findFirst({
      where: { id: input.inviteId, workspaceId: input.workspaceId, status: "pending" },
      select: { id: true, email: true, role: true },
    });
    if (!old) return { ok: false, reason: "not_found" } as const;
    const allowance = await consumeDailyInvite(input.workspaceId);
    if (!allowance.allowed) return { ok: false, reason: "daily_limit", retryAfterSeconds: allowance.retryAfterSeconds } as const;

    const now = new Date();
    await tx.invite.update({ where: { id: old.id }, data: { status: "replaced", closedAt: now } });
    const { token, tokenHash } = newOneTimeToken();
    const expiresAt = new Date(now.getTime() + config.inviteTtlHours * 60 * 60 * 1000);
    const invite = await tx.invite.create({
      data: { workspaceId: input.workspaceId, email: old.email, role: old.role, tokenHash, invitedById: input.actorId, expiresAt },
      select: { id: true },
    });
    await recordAuditEvent(
      { workspaceId: input.workspaceId, actorId: input.actorId, action: "invite.resent", target: old.email, metadata: { email: old.email, role: old.role } },
      tx,
    );
    return { ok: true, inviteId: invite.id, email: old.email, role: old.role as InvitableRole, token, expiresAt } as const;
  });
}
