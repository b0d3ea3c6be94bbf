import "server-only";
import { db } from "@/lib/db/client";

/** Members (oldest first) and the invitations still waiting, for the members page. */
export async function listTeam(workspaceId: string) {
  const [members, invites] = await Promise.all([
    db.membership.findMany({
      where: { workspaceId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    db.invite.findMany({
      where: { workspaceId, status: "pending", expiresAt: { gt: new Date() } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { id: true, email: true, role: true, expiresAt: true, invitedBy: { select: { name: true, email: true } } },
    }),
  ]);
  return { members, invites };
}

export type TeamMember = Awaited<ReturnType<typeof listTeam>>["members"][number];
export type PendingInvite = Awaited<ReturnType<typeof listTeam>>["invites"][number];
