import "server-only";
import { db } from "@/lib/db/client";
import { expireApprovals } from "./expire-approvals";

/** Campaigns of the workspace awaiting approval, oldest request first (expired ones are marked so first). */
export async function listApprovals(workspaceId: string) {
  await expireApprovals(workspaceId);
  return db.campaign.findMany({
    where: { workspaceId, state: "awaiting_approval" },
    orderBy: { reservedAt: "asc" },
    select: {
      id: true,
      userId: true,
      message: true,
      recipientCount: true,
      costEstimate: true,
      currency: true,
      organizationId: true,
      scheduledAt: true,
      reservedAt: true,
      approvalExpiresAt: true,
      overCapBy: true,
      overBudgetBy: true,
      user: { select: { name: true, email: true } },
    },
  });
}

/** How many campaigns wait for approval (the campaigns page's hint for approvers). */
export function countApprovals(workspaceId: string): Promise<number> {
  return db.campaign.count({ where: { workspaceId, state: "awaiting_approval", approvalExpiresAt: { gt: new Date() } } });
}

/** The name of whoever decided on a campaign (null when unknown or their account is gone). */
export async function deciderName(userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return (await db.user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? null;
}
