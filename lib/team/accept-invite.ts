import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { emailConfigured } from "@/lib/email/mail-config";
import type { Role } from "@/lib/workspaces/roles";
import { inspectInvite, type InviteLookup } from "./inspect-invite";

type Transaction = Prisma.TransactionClient;

export type AcceptInviteResult =
  | { ok: true; workspaceId: string; workspaceName: string }
  | { ok: false; reason: Exclude<InviteLookup["state"], "open"> | "wrong_account" | "email_unverified" };

/**
 * Claims an open invitation in one statement: only the first of two
 * concurrent accepts sees it still pending, the other finds it accepted.
 * False when it was no longer claimable (used, revoked, replaced or expired).
 */
export async function claimInvite(tx: Transaction, inviteId: string, userId: string | null): Promise<boolean> {
  const claimed = await tx.invite.updateMany({
    where: { id: inviteId, status: "pending", expiresAt: { gt: new Date() } },
    data: { status: "accepted", closedAt: new Date(), acceptedById: userId },
  });
  return claimed.count === 1;
}

/** Adds the user to the workspace (keeping a role they already hold), makes it current and audits the acceptance. */
export async function joinWorkspace(
  tx: Transaction,
  invite: { email: string; role: Role; workspaceId: string },
  userId: string,
): Promise<void> {
  await tx.membership.upsert({
    where: { userId_workspaceId: { userId, workspaceId: invite.workspaceId } },
    create: { userId, workspaceId: invite.workspaceId, role: invite.role },
    update: {},
  });
  await tx.user.update({ where: { id: userId }, data: { currentWorkspaceId: invite.workspaceId } });
  await recordAuditEvent(
    { workspaceId: invite.workspaceId, actorId: userId, action: "invite.accepted", target: invite.email, metadata: { email: invite.email, role: invite.role } },
    tx,
  );
}

/**
 * A signed-in user accepts an invitation addressed to their email. With email
 * configured the address must be verified first, so nobody can claim an
 * invitation by signing up with someone else's address.
 */
export async function acceptInvite(token: string, user: { id: string; email: string }): Promise<AcceptInviteResult> {
  const lookup = await inspectInvite(token);
  if (lookup.state !== "open") return { ok: false, reason: lookup.state };
  const { invite } = lookup;
  if (invite.email !== user.email.toLowerCase()) return { ok: false, reason: "wrong_account" };
  if (emailConfigured()) {
    const account = await db.user.findUnique({ where: { id: user.id }, select: { emailVerifiedAt: true } });
    if (!account?.emailVerifiedAt) return { ok: false, reason: "email_unverified" };
  }
  const joined = await db.$transaction(async (tx) => {
    if (!(await claimInvite(tx, invite.id, user.id))) return false;
    await joinWorkspace(tx, { email: invite.email, role: invite.role, workspaceId: invite.workspace.id }, user.id);
    return true;
  });
  if (!joined) return { ok: false, reason: "accepted" };
  return { ok: true, workspaceId: invite.workspace.id, workspaceName: invite.workspace.name };
}
