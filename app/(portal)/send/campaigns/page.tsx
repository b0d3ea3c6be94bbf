import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDateTime, formatInteger } from "@/lib/i18n/format";
import { formatMoney } from "@/lib/i18n/format-money";
import { getRequestPreferences } from "@/lib/i18n/request-preferences";
import { listCampaigns } from "@/lib/sending/load-campaigns";
import { roleCan } from "@/lib/workspaces/roles";
import { requireWorkspace } from "@/lib/workspaces/workspace-context";
import { ApprovalStateBadge, ExpiredApprovalNote, isApprovalState } from "./_components/approval-status";
import { CampaignStateBadge } from "./_components/campaign-state-badge";
import { LiveRefresh } from "./_components/live-refresh";
import { TableScroll } from "@/components/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sending"))("campaigns.metaTitle") };
}

export default async function CampaignsPage() {
  const context = await requireWorkspace("sms.read");
  const [campaigns, t, { locale, timeZone }] = await Promise.all([listCampaigns(context.workspace.id), getTranslations("sending.campaigns"), getRequestPreferences()]);
  return (
    <div className="space-y-6">
      <LiveRefresh active={campaigns.some((campaign) => campaign.state === "running" || campaign.state === "scheduled")} intervalMs={5000} />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        </div>
        {roleCan(context.role, "sms.send") && (
          <Link href="/send/bulk" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t("newBulk")}
          </Link>
        )}
      </div>
      {campaigns.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <TableScroll label={t("caption")}>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">{t("columns.message")}</th>
                <th scope="col" className="px-4 py-3">{t("columns.state")}</th>
                <th scope="col" className="px-4 py-3 text-right">{t("columns.recipients")}</th>
                <th scope="col" className="px-4 py-3">{t("columns.progress")}</th>
                <th scope="col" className="px-4 py-3">{t("columns.when")}</th>
                <th scope="col" className="px-4 py-3">{t("columns.by")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {campaigns.map((campaign) => (
                <tr key={campaign.id}>
                  <th scope="row" className="max-w-xs truncate px-4 py-3 text-left font-medium">
                    <Link href={`/send/campaigns/${campaign.id}`} className="text-brand-700 underline">
                      {campaign.message}
                    </Link>
                  </th>
                  <td className="px-4 py-3">
                    {isApprovalState(campaign.state) ? <ApprovalStateBadge state={campaign.state} /> : <CampaignStateBadge state={campaign.state} />}
                    {campaign.state === "expired" && <ExpiredApprovalNote />}
                  </td>
                  <td className="px-4 py-3 text-right">
                    {formatInteger(campaign.recipientCount, locale)}
                    <span className="block text-xs text-slate-500">{formatMoney(campaign.costEstimate.toFixed(6), { locale, currency: campaign.currency })}</span>
                  </td>
                  <td className="px-4 py-3">
                    {t("chunksSent", { done: campaign._count.chunks, total: campaign.chunkCount })}
                  </td>
                  <td className="px-4 py-3">
                    {campaign.scheduledAt ? (
                      <>
                        {t("scheduledFor")} <time dateTime={campaign.scheduledAt.toISOString()}>{formatDateTime(campaign.scheduledAt, { locale, timeZone })}</time>
                      </>
                    ) : (
                      <time dateTime={campaign.createdAt.toISOString()}>{formatDateTime(campaign.createdAt, { locale, timeZone })}</time>
                    )}
                  </td>
                  <td className="px-4 py-3">{campaign.user?.name ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
