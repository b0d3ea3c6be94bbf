import "server-only";
import { db } from "@/lib/db/client";
import type { CampaignState } from "@/lib/db/generated/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { formatMoney } from "@/lib/i18n/format-money";
import { getServerLocale, getServerTranslations } from "@/lib/i18n/server-translations";
import { translatorFor } from "@/lib/i18n/translator";
import { awaitingApproval } from "@/lib/spending/approval-window";
import { describeSpendRefusal } from "@/lib/spending/describe-spend-refusal";
import { notifyApprovalRequested } from "@/lib/spending/notify-approval";
import { checkSpendLocked, decideCampaignSpend, lockMember } from "@/lib/spending/reserve-spend";
import { roleCan } from "@/lib/workspaces/roles";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { readBulkConfig } from "./bulk-config";
import { enqueueCampaignStart, ensureJobSchema, removeCampaignStart } from "./campaign-jobs";
import { refuseOverSendLimits } from "./check-send-limits";
import { checkCredit } from "./estimate-cost";
import { loadSendContext } from "./load-send-context";
import { refusalForContext } from "./refuse-send";

export type CampaignActionResult = { ok: true; message: string } | { ok: false; message: string; field?: string };

/** The reader's translator and locale (English outside a request). */
async function wording() {
  const locale = await getServerLocale();
  return { t: translatorFor(locale, "sending"), locale };
}

function findCampaign(context: WorkspaceContext, campaignId: string) {
  return db.campaign.findFirst({ where: { id: campaignId, workspaceId: context.workspace.id } });
}

/**
 * Confirms a reviewed draft: sends it now or schedules it. Everything is
 * checked again on the server (role, the context's send permission, credit,
 * the typed count above the threshold); only a draft can be confirmed, once:
 * the state change is a compare-and-set, so a double click queues one campaign.
 */
export async function confirmCampaign(
  context: WorkspaceContext,
  input: { campaignId: string; typedCount?: string | undefined; sendAt: Date | null },
): Promise<CampaignActionResult> {
  const { t, locale } = await wording();
  if (!roleCan(context.role, "sms.send")) return { ok: false, message: t("refusal.roleCantSend") };
  const campaign = await findCampaign(context, input.campaignId);
  if (!campaign) return { ok: false, message: t("campaign.notFound") };
  if (campaign.state !== "draft") return { ok: true, message: t("campaign.alreadyConfirmed") };
  if (campaign.userId !== context.user.id) return { ok: false, message: t("campaign.onlyReviewer") };

  const view = await loadSendContext(context);
  const refusal = refusalForContext(view, t);
  if (refusal || view.status !== "ok") return { ok: false, message: refusal ?? t("refusal.notPossible") };
  if ((view.organization?.id ?? null) !== campaign.organizationId) {
    return { ok: false, message: t("campaign.contextSwitched") };
  }
  const credit = checkCredit(view.credit, campaign.costEstimate.toFixed(6));
  if (credit.status === "short") {
    return { ok: false, message: t("campaign.notEnoughCredit", { context: view.contextLabel, amount: formatMoney(credit.shortBy, { locale, currency: campaign.currency }) }) };
  }
  const { confirmThreshold } = readBulkConfig();
  if (campaign.recipientCount >= confirmThreshold && input.typedCount?.trim() !== String(campaign.recipientCount)) {
    return { ok: false, field: "typedCount", message: t("campaign.typeCount", { count: String(campaign.recipientCount) }) };
  }
  if (input.sendAt && input.sendAt.getTime() <= Date.now()) {
    return { ok: false, field: "sendAt", message: t("campaign.pickFuture") };
  }
  const overLimit = await refuseOverSendLimits(context, campaign.recipientCount);
  if (overLimit) return { ok: false, message: overLimit };

  await ensureJobSchema();
  const spend = { workspaceId: campaign.workspaceId, userId: context.user.id, organizationId: campaign.organizationId, cost: campaign.costEstimate.toFixed(6), messages: campaign.recipientCount };
  const confirmed = await db.$transaction(async (tx) => {
    // Checked and reserved atomically with the state change (lib/spending): the reservation is the state itself.
    const decision = await decideCampaignSpend(tx, spend);
    if (decision.kind === "refused") return decision;
    const updated = await tx.campaign.updateMany({
      where: { id: campaign.id, state: "draft" },
      data: {
        ...(decision.kind === "approval"
          ? { ...awaitingApproval(), overCapBy: decision.excess.overCapBy, overBudgetBy: decision.excess.overBudgetBy }
          : input.sendAt
            ? { state: "scheduled" }
            : { state: "running", startedAt: new Date() }),
        ...(input.sendAt && { scheduledAt: input.sendAt }),
        reservedAt: new Date(),
      },
    });
    if (updated.count === 0) return false;
    if (decision.kind !== "approval") await enqueueCampaignStart(tx, campaign.id, input.sendAt);
    await recordAuditEvent(
      {
        workspaceId: campaign.workspaceId,
        actorId: context.user.id,
        action: "campaign.created",
        target: campaign.id,
        metadata: {
          recipients: campaign.recipientCount,
          chunks: campaign.chunkCount,
          costEstimate: campaign.costEstimate.toFixed(6),
          scheduledAt: input.sendAt?.toISOString() ?? null,
          awaitingApproval: decision.kind === "approval",
          ...(decision.kind === "approval" && { overCapBy: decision.excess.overCapBy, overBudgetBy: decision.excess.overBudgetBy }),
        },
      },
      tx,
    );
    return decision;
  });
  if (!confirmed) return { ok: true, message: t("campaign.alreadyConfirmed") };
  if (confirmed.kind === "refused") return { ok: false, message: await describeSpendRefusal(confirmed.decision, { cost: spend.cost, currency: campaign.currency }) };
  if (confirmed.kind === "approval") {
    await notifyApprovalRequested(campaign.id);
    const overLimit = confirmed.excess.overCapBy !== null || confirmed.excess.overBudgetBy !== null;
    return { ok: true, message: (await getServerTranslations("spending"))(overLimit ? "approvals.requestedOverLimit" : "approvals.requested") };
  }
  return { ok: true, message: input.sendAt ? t("campaign.scheduled") : t("campaign.started") };
}

/** Cancels a draft, a scheduled campaign or one awaiting approval before it starts (releasing its reservation). */
export async function cancelCampaign(context: WorkspaceContext, campaignId: string): Promise<CampaignActionResult> {
  const { t } = await wording();
  if (!roleCan(context.role, "sms.send")) return { ok: false, message: t("refusal.roleCantDoThis") };
  const campaign = await findCampaign(context, campaignId);
  if (!campaign) return { ok: false, message: t("campaign.notFound") };
  await ensureJobSchema();
  const cancelled = await db.$transaction(async (tx) => {
    const updated = await tx.campaign.updateMany({
      where: { id: campaign.id, state: { in: ["draft", "scheduled", "awaiting_approval"] } },
      data: { state: "cancelled", finishedAt: new Date() },
    });
    if (updated.count === 0) return false;
    await removeCampaignStart(tx, campaign.id);
    await recordAuditEvent({ workspaceId: campaign.workspaceId, actorId: context.user.id, action: "campaign.cancelled", target: campaign.id }, tx);
    return true;
  });
  return cancelled
    ? { ok: true, message: t("campaign.cancelled") }
    : { ok: false, message: t("campaign.cannotCancel") };
}

/**
 * Resumes a campaign a definite failure stopped: the failed chunk and every
 * chunk not sent yet go out; accepted chunks never again, and chunks whose
 * outcome is unknown only when `resendUnknown` says so (the user checked Reports).
 *
 * Failed chunks stopped counting against the campaign's member's budget and
 * cap, so sending them again spends again: they are checked and reserved like
 * a new send, under the member's spend lock, in the transaction that re-queues
 * them (lib/spending). A resume that doesn't fit changes nothing. Chunks not
 * sent yet, and unknown ones, still hold the campaign's reservation.
 */
export async function resumeCampaign(context: WorkspaceContext, campaignId: string, options: { resendUnknown?: boolean } = {}): Promise<CampaignActionResult> {
  const { t } = await wording();
  if (!roleCan(context.role, "sms.send")) return { ok: false, message: t("refusal.roleCantDoThis") };
  const campaign = await findCampaign(context, campaignId);
  if (!campaign) return { ok: false, message: t("campaign.notFound") };
  const view = await loadSendContext(context);
  const refusal = refusalForContext(view, t);
  if (refusal || view.status !== "ok") return { ok: false, message: refusal ?? t("refusal.notPossible") };
  if ((view.organization?.id ?? null) !== campaign.organizationId) {
    return { ok: false, message: t("campaign.switchToResume") };
  }
  await ensureJobSchema();
  const states: CampaignState[] = options.resendUnknown ? ["stopped", "completed"] : ["stopped"];
  const resumed = await db.$transaction(async (tx) => {
    const now = new Date();
    if (campaign.userId) {
      await lockMember(tx, campaign.workspaceId, campaign.userId);
      const current = await tx.campaign.findUnique({ where: { id: campaign.id }, select: { state: true } });
      if (!current || !states.includes(current.state)) return false;
      const failed = await tx.sendRecord.aggregate({ where: { campaignId: campaign.id, state: "failed" }, _sum: { recipientCount: true, costEstimate: true } });
      const spend = {
        workspaceId: campaign.workspaceId,
        userId: campaign.userId,
        organizationId: campaign.organizationId,
        cost: failed._sum.costEstimate?.toFixed(6) ?? "0.000000",
        messages: failed._sum.recipientCount ?? 0,
      };
      const decision = await checkSpendLocked(tx, spend, now);
      if (!decision.ok) return { refused: decision, cost: spend.cost };
    }
    const updated = await tx.campaign.updateMany({
      where: { id: campaign.id, state: { in: states } },
      data: { state: "running", stopReason: null, finishedAt: null },
    });
    if (updated.count === 0) return false;
    const again = { state: "queued" as const, errorKind: null, errorMessage: null, attemptedAt: null, finishedAt: null };
    // A failed chunk's new reservation counts from now; an unknown one never stopped counting.
    await tx.sendRecord.updateMany({ where: { campaignId: campaign.id, state: "failed" }, data: { ...again, reservedAt: now } });
    if (options.resendUnknown) await tx.sendRecord.updateMany({ where: { campaignId: campaign.id, state: "unknown" }, data: again });
    await enqueueCampaignStart(tx, campaign.id, null);
    await recordAuditEvent({ workspaceId: campaign.workspaceId, actorId: context.user.id, action: "campaign.resumed", target: campaign.id, metadata: { resendUnknown: !!options.resendUnknown } }, tx);
    return true;
  });
  if (resumed && typeof resumed === "object") {
    return { ok: false, message: await describeSpendRefusal(resumed.refused, { cost: resumed.cost, currency: campaign.currency }) };
  }
  return resumed ? { ok: true, message: t("campaign.resumed") } : { ok: false, message: t("campaign.onlyStoppedResume") };
}
