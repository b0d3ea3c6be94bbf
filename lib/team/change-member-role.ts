import "server-only";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Role } from "@/lib/workspaces/roles";
import { countOwners, currentRole, lockTeam } from "./lock-team";
import { assignableRoles, canManageMember } from "./team-rules";

export type MemberChangeRefusal = { ok: false; reason: "not_found" | "not_allowed" | "last_owner" | "self" };

type Actor = { userId: string; role: Role; workspaceId: string };

/**
 * Gives a member another role. Admins can't touch owners or make anyone
 * owner; the last owner can't be demoted. Takes effect on the member's next
 * request, because every request re-reads the membership.
 */
export async function changeMemberRole(
  actor: Actor,
  membershipId: string,
  role: Role,
): Promise<{ ok: true; email: string; from: Role; to: Role } | MemberChangeRefusal> {
  return db.$transaction(async (tx) => {
    await lockTeam(tx, actor.workspaceId);
    const actorRole = await currentRole(tx, actor.userId, actor.workspaceId);
    if (!actorRole) return { ok: false, reason: "not_allowed" } as const;
    const target = await tx.membership.findFirst({
      where: { id: membershipId, workspaceId: actor.workspaceId },
      select: { id: true, role: true, userId: true, user: { select: { email: true } } },
    });
    if (!target) return { ok: false, reason: "not_found" } as const;
    if (!canManageMember(actorRole, target.role) || !assignableRoles(actorRole).includes(role)) return { ok: false, reason: "not_allowed" } as const;
    const email = target.user.email;
    if (target.role === role) return { ok: true, email, from: role, to: role } as const;
    if (target.role === "owner" && (await countOwners(tx, actor.workspaceId)) <= 1) return { ok: false, reason: "last_owner" } as const;
    await tx.membership.update({ where: { id: target.id }, data: { role } });
    await recordAuditEvent(
      { workspaceId: actor.workspaceId, actorId: actor.userId, action: "member.role_changed", target: email, metadata: { email, from: target.role, to: role } },
      tx,
    );
    return { ok: true, email, from: target.role, to: role } as const;
  });
}
