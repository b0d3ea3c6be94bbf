import "server-only";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { enqueueCampaignStart, ensureJobSchema } from "@/lib/sending/campaign-jobs";
import { roleCan } from "@/lib/workspaces/roles";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { expireApprovals } from "./expire-approvals";
import { notifyApprovalDecided } from "./notify-approval";

export type ApprovalResult = { ok: boolean; message: string; field?: "overrideLimit" };

/**
 * An owner or admin other than the requester approves a campaign awaiting
 * approval: it is queued on the worker now, or at its scheduled time if that
 * is still ahead. The state change is a compare-and-set that also checks the
 * expiry, so two approvers (or an approval racing the expiry) queue it once.
 *
 * A campaign that went beyond its requester's cap or budget at request is
 * approved only with `overrideLimit` (the approver ticked that they approve
 * going beyond it), and the audit entry records the override.
 */
export async function approveCampaign(
  context: WorkspaceContext,
  campaignId: string,
  options: { overrideLimit?: boolean } = {},
  now: Date = new Date(),
): Promise<ApprovalResult> {
  const t = await getServerTranslations("spending");
  const found = await findPending(context, campaignId);
  if (!("campaign" in found)) return found;
  const { campaign } = found;
  const overLimit = campaign.overCapBy !== null || campaign.overBudgetBy !== null;
  if (overLimit && !options.overrideLimit) return { ok: false, field: "overrideLimit", message: t("overLimit.acknowledgeRequired") };
  const startsLater = campaign.scheduledAt !== null && campaign.scheduledAt > now;
  await ensureJobSchema();
  const approved = await db.$transaction(async (tx) => {
    const updated = await tx.campaign.updateMany({
      where: { id: campaign.id, state: "awaiting_approval", approvalExpiresAt: { gt: now } },
      data: {
        ...(startsLater ? { state: "scheduled" } : { state: "running", startedAt: now }),
        approvalDecidedById: context.user.id,
        approvalDecidedAt: now,
      },
    });
    if (updated.count === 0) return false;
    await enqueueCampaignStart(tx, campaign.id, startsLater ? campaign.scheduledAt : null);
    await recordAuditEvent(
      { workspaceId: campaign.workspaceId, actorId: context.user.id, action: "campaign.approved", target: campaign.id, metadata: {
          from: "awaiting_approval",
          to: startsLater ? "scheduled" : "running",
          ...(overLimit && { overrodeLimit: true, overCapBy: campaign.overCapBy, overBudgetBy: campaign.overBudgetBy?.toFixed(6) ?? null }),
        },
      },
      tx,
    );
    return true;
  });
  if (!approved) return { ok: false, message: t("approvals.notPending") };
  await notifyApprovalDecided(campaign.id, context.user.name);
  const approvedMessage = startsLater ? t("approvals.approvedScheduled") : t("approvals.approvedStarted");
  return { ok: true, message: overLimit ? `${t("overLimit.approvedOverride")} ${approvedMessage}` : approvedMessage };
}

/** Rejects a campaign awaiting approval, with a reason; its reservation is released with the state change. */
export async function rejectCampaign(context: WorkspaceContext, campaignId: string, reason: string, now: Date = new Date()): Promise<ApprovalResult> {
  const t = await getServerTranslations("spending");
  const found = await findPending(context, campaignId);
  if (!("campaign" in found)) return found;
  const { campaign } = found;
  const rejected = await db.$transaction(async (tx) => {
    const updated = await tx.campaign.updateMany({
      where: { id: campaign.id, state: "awaiting_approval", approvalExpiresAt: { gt: now } },
      data: { state: "rejected", finishedAt: now, approvalDecidedById: context.user.id, approvalDecidedAt: now, approvalReason: reason },
    });
    if (updated.count === 0) return false;
    await recordAuditEvent({ workspaceId: campaign.workspaceId, actorId: context.user.id, action: "campaign.rejected", target: campaign.id, metadata: { reason } }, tx);
    return true;
  });
  if (!rejected) return { ok: false, message: t("approvals.notPending") };
  await notifyApprovalDecided(campaign.id, context.user.name);
  return { ok: true, message: t("approvals.rejected") };
}

type PendingCampaign = {
  id: string;
  workspaceId: string;
  userId: string | null;
  state: string;
  scheduledAt: Date | null;
  overCapBy: number | null;
  overBudgetBy: { toFixed(places: number): string } | null;
};

async function findPending(context: WorkspaceContext, campaignId: string): Promise<ApprovalResult | { campaign: PendingCampaign }> {
  const t = await getServerTranslations("spending");
  if (!roleCan(context.role, "spending.manage")) return { ok: false, message: t("approvals.notAllowed") };
  await expireApprovals(context.workspace.id);
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, workspaceId: context.workspace.id },
    select: { id: true, workspaceId: true, userId: true, state: true, scheduledAt: true, overCapBy: true, overBudgetBy: true },
  });
  if (!campaign) return { ok: false, message: t("approvals.notFound") };
  // Four eyes: the requester never decides on their own campaign (they may cancel it instead).
  if (campaign.userId === context.user.id) return { ok: false, message: t("approvals.selfApproval") };
  if (campaign.state === "expired") return { ok: false, message: t("approvals.expired") };
  if (campaign.state !== "awaiting_approval") return { ok: false, message: t("approvals.notPending") };
  return { campaign };
}
