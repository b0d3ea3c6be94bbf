import "server-only";
import { db } from "@/lib/db/client";
import { composeMail, formatUtc } from "@/lib/email/compose-mail";
import { emailConfigured, publicBaseUrl } from "@/lib/email/mail-config";
import { sendMail } from "@/lib/email/send-mail";
import { formatMoney } from "@/lib/i18n/format-money";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

async function loadCampaign(campaignId: string) {
  return db.campaign.findUnique({
    where: { id: campaignId },
    select: {
      id: true,
      workspaceId: true,
      userId: true,
      message: true,
      recipientCount: true,
      costEstimate: true,
      currency: true,
      state: true,
      approvalExpiresAt: true,
      approvalReason: true,
      overCapBy: true,
      overBudgetBy: true,
      workspace: { select: { name: true } },
      user: { select: { name: true, email: true, locale: true } },
    },
  });
}

const localeOf = (value: string | null | undefined) => (isLocale(value) ? value : DEFAULT_LOCALE);

/** Tells every owner and admin but the requester that a campaign waits for them. Never throws (mail failures are logged). */
export async function notifyApprovalRequested(campaignId: string): Promise<void> {
  if (!emailConfigured()) return;
  const campaign = await loadCampaign(campaignId);
  if (!campaign) return;
  const approvers = await db.membership.findMany({
    where: { workspaceId: campaign.workspaceId, role: { in: ["owner", "admin"] }, userId: { not: campaign.userId ?? undefined } },
    select: { user: { select: { email: true, locale: true } } },
  });
  for (const { user } of approvers) {
    const locale = localeOf(user.locale);
    const t = translatorFor(locale, "spending");
    const body = composeMail(
      [
        t("mail.requested.body", {
          requester: campaign.user?.name ?? "—",
          count: campaign.recipientCount,
          cost: formatMoney(campaign.costEstimate.toFixed(6), { locale, currency: campaign.currency }),
          workspace: campaign.workspace.name,
        }),
        // Beyond the requester's limit: approving it overrides the limit, so the approver hears it first here.
        ...(campaign.overCapBy !== null ? [t("overLimit.requesterCap", { over: campaign.overCapBy })] : []),
        ...(campaign.overBudgetBy !== null ? [t("overLimit.requesterBudget", { over: formatMoney(campaign.overBudgetBy.toFixed(6), { locale, currency: campaign.currency }) })] : []),
        t("mail.message", { message: campaign.message }),
        t("mail.requested.expires", { expiresAt: formatUtc(campaign.approvalExpiresAt ?? new Date(), locale) }),
      ],
      { label: t("mail.requested.link"), url: `${publicBaseUrl()}/send/approvals` },
    );
    await sendMail({ to: user.email, subject: t("mail.requested.subject", { workspace: campaign.workspace.name }), ...body });
  }
}

/** Tells the requester what an approver decided. */
export async function notifyApprovalDecided(campaignId: string, approverName: string): Promise<void> {
  if (!emailConfigured()) return;
  const campaign = await loadCampaign(campaignId);
  if (!campaign?.user) return;
  const locale = localeOf(campaign.user.locale);
  const t = translatorFor(locale, "spending");
  const approved = campaign.state !== "rejected";
  const body = composeMail(
    [
      approved
        ? t("mail.approved.body", { approver: approverName, count: campaign.recipientCount })
        : t("mail.rejected.body", { approver: approverName, count: campaign.recipientCount, reason: campaign.approvalReason ?? "—" }),
      t("mail.message", { message: campaign.message }),
    ],
    { label: t("mail.campaignLink"), url: `${publicBaseUrl()}/send/campaigns/${campaign.id}` },
  );
  const subject = approved ? t("mail.approved.subject", { workspace: campaign.workspace.name }) : t("mail.rejected.subject", { workspace: campaign.workspace.name });
  await sendMail({ to: campaign.user.email, subject, ...body });
}

/**
 * Tells the requester that nobody decided within the window: nothing was
 * sent and the reservation is gone. Called once per campaign, by whoever's
 * expiry sweep marked it (expire-approvals.ts).
 */
export async function notifyApprovalExpired(campaignId: string): Promise<void> {
  if (!emailConfigured()) return;
  const campaign = await loadCampaign(campaignId);
  if (!campaign?.user) return;
  const locale = localeOf(campaign.user.locale);
  const t = translatorFor(locale, "spending");
  const body = composeMail(
    [
      t("mail.expired.body", {
        count: campaign.recipientCount,
        expiredAt: formatUtc(campaign.approvalExpiresAt ?? new Date(), locale),
        cost: formatMoney(campaign.costEstimate.toFixed(6), { locale, currency: campaign.currency }),
      }),
      t("mail.message", { message: campaign.message }),
    ],
    { label: t("mail.campaignLink"), url: `${publicBaseUrl()}/send/campaigns/${campaign.id}` },
  );
  await sendMail({ to: campaign.user.email, subject: t("mail.expired.subject", { workspace: campaign.workspace.name }), ...body });
}
