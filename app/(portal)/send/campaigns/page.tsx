import type { Metadata } from "next";
import Link from "next/link";
import { formatDecimal } from "@/lib/money/format-decimal";
import { listCampaigns } from "@/lib/sending/load-campaigns";
import { roleCan } from "@/lib/workspaces/roles";
import { requireWorkspace } from "@/lib/workspaces/workspace-context";
import { ApprovalStateBadge, isApprovalState } from "./_components/approval-status";
import { CampaignStateBadge } from "./_components/campaign-state-badge";
import { LiveRefresh } from "./_components/live-refresh";
import { LocalTime } from "./_components/local-time";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const context = await requireWorkspace("sms.read");
  const campaigns = await listCampaigns(context.workspace.id);
  return (
    <div className="space-y-6">
      <LiveRefresh active={campaigns.some((campaign) => campaign.state === "running" || campaign.state === "scheduled")} intervalMs={5000} />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Campaigns</h1>
          <p className="mt-1 text-sm text-slate-600">Bulk sends of this workspace: scheduled, running and stopped ones first.</p>
        </div>
        {roleCan(context.role, "sms.send") && (
          <Link href="/send/bulk" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            New bulk SMS
          </Link>
        )}
      </div>
      {campaigns.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">No campaigns yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Campaigns</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">Message</th>
                <th scope="col" className="px-4 py-3">State</th>
                <th scope="col" className="px-4 py-3 text-right">Recipients</th>
                <th scope="col" className="px-4 py-3">Progress</th>
                <th scope="col" className="px-4 py-3">When</th>
                <th scope="col" className="px-4 py-3">By</th>
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
                  </td>
                  <td className="px-4 py-3 text-right">
                    {campaign.recipientCount.toLocaleString("en")}
                    <span className="block text-xs text-slate-500">{formatDecimal(campaign.costEstimate.toFixed(6), campaign.currency)}</span>
                  </td>
                  <td className="px-4 py-3">
                    {campaign._count.chunks} / {campaign.chunkCount} chunks sent
                  </td>
                  <td className="px-4 py-3">
                    {campaign.scheduledAt ? (
                      <>
                        Scheduled for <LocalTime iso={campaign.scheduledAt.toISOString()} />
                      </>
                    ) : (
                      <LocalTime iso={campaign.createdAt.toISOString()} />
                    )}
                  </td>
                  <td className="px-4 py-3">{campaign.user?.name ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
