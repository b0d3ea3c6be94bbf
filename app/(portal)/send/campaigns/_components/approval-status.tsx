import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { emailConfigured } from "@/lib/email/mail-config";
import { formatDateTime } from "@/lib/i18n/format";
import { getRequestPreferences } from "@/lib/i18n/request-preferences";
import { deciderName } from "@/lib/spending/list-approvals";

const APPROVAL_STATES = ["awaiting_approval", "rejected", "expired"] as const;
type ApprovalState = (typeof APPROVAL_STATES)[number];

export function isApprovalState(state: string): state is ApprovalState {
  return (APPROVAL_STATES as readonly string[]).includes(state);
}

const BADGE: Record<ApprovalState, string> = {
  awaiting_approval: "bg-violet-50 text-violet-800",
  rejected: "bg-red-50 text-red-800",
  expired: "bg-slate-100 text-slate-600",
};

/** The campaign states spend controls added, as badges like CampaignStateBadge's. */
export async function ApprovalStateBadge({ state }: { state: ApprovalState }) {
  const t = await getTranslations("spending.approvals.states");
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${BADGE[state]}`} data-testid="campaign-state">
      {t(state)}
    </span>
  );
}

type Campaign = { state: string; approvalExpiresAt: Date | null; approvalDecidedById: string | null; approvalReason: string | null };

/** Where the campaign stands with its approval: waiting (until when), approved or rejected by whom, or expired. */
export async function ApprovalStatus({ campaign, canDecide }: { campaign: Campaign; canDecide: boolean }) {
  if (campaign.state !== "awaiting_approval" && !campaign.approvalDecidedById && campaign.state !== "expired") return null;
  const [t, { locale, timeZone }, name] = await Promise.all([getTranslations("spending.approvals"), getRequestPreferences(), deciderName(campaign.approvalDecidedById)]);
  if (campaign.state === "awaiting_approval") {
    return (
      <div role="status" className="space-y-1 rounded-md bg-violet-50 px-4 py-3 text-sm text-violet-900">
        <p>{t("awaitingUntil", { expiresAt: formatDateTime(campaign.approvalExpiresAt ?? new Date(), { locale, timeZone }) })}</p>
        {canDecide && (
          <Link href="/send/approvals" className="font-medium underline">
            {t("reviewApprovals")}
          </Link>
        )}
      </div>
    );
  }
  if (campaign.state === "expired") {
    return (
      <p role="status" className="rounded-md bg-slate-100 px-4 py-3 text-sm text-slate-700" data-testid="approval-expired">
        {t("expiredNotice")} {emailConfigured() && t("requesterEmailed")}
      </p>
    );
  }
  if (campaign.state === "rejected") {
    return (
      <p role="status" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-900">
        {t("rejectedBy", { name: name ?? "—", reason: campaign.approvalReason ?? "—" })}
      </p>
    );
  }
  return <p className="text-sm text-slate-600">{t("approvedBy", { name: name ?? "—" })}</p>;
}

/** The campaigns list's line under an expired campaign's badge: what happened, and that the requester was told. */
export async function ExpiredApprovalNote() {
  const t = await getTranslations("spending.approvals");
  return (
    <span className="mt-1 block text-xs text-slate-600" data-testid="approval-expired">
      {t("expiredShort")} {emailConfigured() && t("requesterEmailed")}
    </span>
  );
}
