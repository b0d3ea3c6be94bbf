import "server-only";
import { db } from "@/lib/db/client";

/**
 * A sign-in belongs to no single workspace: it is written into every
 * workspace the user is a member of, so each team's owners see it.
 */
export async function recordSignIn(userId: string): Promise<void> {
  const memberships = await db.membership.findMany({ where: { userId }, select: { workspaceId: true } });
  if (memberships.length === 0) return;
  await db.auditEvent.createMany({
    data: memberships.map(({ workspaceId }) => ({ workspaceId, actorId: userId, action: "user.signed_in" })),
  });
}
