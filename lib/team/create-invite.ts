import "server-only";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { newOneTimeToken } from "@/lib/crypto/one-time-token";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { lockTeam } from "./lock-team";
import { readTeamConfig } from "./team-config";
import type { InvitableRole } from "./team-rules";

export type IssuedInvite = { inviteId: string; email: string; role: InvitableRole; token: string; expiresAt: Date };

export type InviteRefusal =
  | { ok: false; reason: "already_member" | "already_invited" | "too_many_pending" }
  | { ok: false; reason: "daily_limit"; retryAfterSeconds: number };

export type CreateInviteResult = ({ ok: true } & IssuedInvite) | InviteRefusal;

/** Counts one invitation email against the workspace's daily allowance (shared by invite and re-send). */
export async function consumeDailyInvite(workspaceId: string) {
  return consumeRateLimit("teamInvitesByWorkspace", workspaceId);
}

/**
 * Invites `email` to the workspace. Refuses existing members, emails with a
 * pending invitation, a full pending list and the daily allowance; the
 * returned token is shown once and never stored.
 */
export async function createInvite(input: {
  workspaceId: string;
  actorId: string;
  email: string;
  role: InvitableRole;
}): Promise<CreateInviteResult> {
  const config = readTeamConfig();
  const email = input.email.toLowerCase();
  return db.$transaction(async (tx) => {
    await lockTeam(tx, input.workspaceId);
    const now = new Date();
    const member = await tx.membership.findFirst({ where: { workspaceId: input.workspaceId, user: { email } }, select: { id: true } });
    if (member) return { ok: false, reason: "already_member" } as const;
    const open = { workspaceId: input.workspaceId, status: "pending" as const, expiresAt: { gt: now } };
    if (await tx.invite.count({ where: { ...open, email } })) return { ok: false, reason: "already_invited" } as const;
    if ((await tx.invite.count({ where: open })) >= config.maxPendingInvites) return { ok: false, reason: "too_many_pending" } as const;
    const allowance = await consumeDailyInvite(input.workspaceId);
    if (!allowance.allowed) return { ok: false, reason: "daily_limit", retryAfterSeconds: allowance.retryAfterSeconds } as const;

    const { token, tokenHash } = newOneTimeToken();
    const expiresAt = new Date(now.getTime() + config.inviteTtlHours * 60 * 60 * 1000);
    const invite = await tx.invite.create({
      data: { workspaceId: input.workspaceId, email, role: input.role, tokenHash, invitedById: input.actorId, expiresAt },
      select: { id: true },
    });
    await recordAuditEvent(
      { workspaceId: input.workspaceId, actorId: input.actorId, action: "invite.sent", target: email, metadata: { email, role: input.role } },
      tx,
    );
    return { ok: true, inviteId: invite.id, email, role: input.role, token, expiresAt } as const;
  });
}
