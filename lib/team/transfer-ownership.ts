import "server-only";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Role } from "@/lib/workspaces/roles";
import type { MemberChangeRefusal } from "./change-member-role";
import { lockTeam } from "./lock-team";

/**
 * An owner makes another member owner and becomes an admin themselves, in one
 * transaction, so the workspace is never without an owner.
 */
export async function transferOwnership(
  actor: { userId: string; role: Role; workspaceId: string },
  membershipId: string,
): Promise<{ ok: true; email: string } | MemberChangeRefusal> {
  if (actor.role !== "owner") return { ok: false, reason: "not_allowed" };
  return db.$transaction(async (tx) => {
    await lockTeam(tx, actor.workspaceId);
    const [target, mine] = await Promise.all([
      tx.membership.findFirst({
        where: { id: membershipId, workspaceId: actor.workspaceId },
        select: { id: true, role: true, userId: true, user: { select: { email: true } } },
      }),
      tx.membership.findFirst({ where: { userId: actor.userId, workspaceId: actor.workspaceId }, select: { id: true, role: true } }),
    ]);
    if (!target) return { ok: false, reason: "not_found" } as const;
    if (target.userId === actor.userId) return { ok: false, reason: "self" } as const;
    // Re-checked under the lock: the actor may have been demoted since the request began.
    if (mine?.role !== "owner") return { ok: false, reason: "not_allowed" } as const;
    await tx.membership.update({ where: { id: target.id }, data: { role: "owner" } });
    await tx.membership.update({ where: { id: mine.id }, data: { role: "admin" } });
    const email = target.user.email;
    await recordAuditEvent(
      { workspaceId: actor.workspaceId, actorId: actor.userId, action: "ownership.transferred", target: email, metadata: { email, from: target.role } },
      tx,
    );
    return { ok: true, email } as const;
  });
}
