import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Role } from "@/lib/workspaces/roles";
import type { MemberChangeRefusal } from "./change-member-role";
import { countOwners, currentRole, lockTeam } from "./lock-team";
import { canManageMember } from "./team-rules";

/** Drops what the portal remembers about a member in a workspace along with the membership. */
async function deleteMembership(tx: Prisma.TransactionClient, membership: { id: string; userId: string }, workspaceId: string) {
  await tx.membership.delete({ where: { id: membership.id } });
  await tx.orgContextChoice.deleteMany({ where: { userId: membership.userId, workspaceId } });
}

/**
 * Removes another member. Their next request (page or action) no longer finds
 * the membership; admins can't remove owners. Leaving is `leaveWorkspace`.
 */
export async function removeMember(
  actor: { userId: string; role: Role; workspaceId: string },
  membershipId: string,
): Promise<{ ok: true; email: string } | MemberChangeRefusal> {
  return db.$transaction(async (tx) => {
    await lockTeam(tx, actor.workspaceId);
    const actorRole = await currentRole(tx, actor.userId, actor.workspaceId);
    if (!actorRole) return { ok: false, reason: "not_allowed" } as const;
    const target = await tx.membership.findFirst({
      where: { id: membershipId, workspaceId: actor.workspaceId },
      select: { id: true, role: true, userId: true, user: { select: { email: true } } },
    });
    if (!target) return { ok: false, reason: "not_found" } as const;
    if (target.userId === actor.userId) return { ok: false, reason: "self" } as const;
    if (!canManageMember(actorRole, target.role)) return { ok: false, reason: "not_allowed" } as const;
    if (target.role === "owner" && (await countOwners(tx, actor.workspaceId)) <= 1) return { ok: false, reason: "last_owner" } as const;
    await deleteMembership(tx, target, actor.workspaceId);
    const email = target.user.email;
    await recordAuditEvent(
      { workspaceId: actor.workspaceId, actorId: actor.userId, action: "member.removed", target: email, metadata: { email, role: target.role } },
      tx,
    );
    return { ok: true, email } as const;
  });
}

/** The signed-in member leaves the workspace; the last owner can't (they hand over ownership first). */
export async function leaveWorkspace(userId: string, workspaceId: string): Promise<{ ok: true } | { ok: false; reason: "not_found" | "last_owner" }> {
  return db.$transaction(async (tx) => {
    await lockTeam(tx, workspaceId);
    const membership = await tx.membership.findFirst({
      where: { userId, workspaceId },
      select: { id: true, role: true, userId: true, user: { select: { email: true } } },
    });
    if (!membership) return { ok: false, reason: "not_found" } as const;
    if (membership.role === "owner" && (await countOwners(tx, workspaceId)) <= 1) return { ok: false, reason: "last_owner" } as const;
    await deleteMembership(tx, membership, workspaceId);
    await tx.user.updateMany({ where: { id: userId, currentWorkspaceId: workspaceId }, data: { currentWorkspaceId: null } });
    const email = membership.user.email;
    await recordAuditEvent({ workspaceId, actorId: userId, action: "member.left", target: email, metadata: { email, role: membership.role } }, tx);
    return { ok: true } as const;
  });
}
