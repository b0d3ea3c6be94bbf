import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDecimal } from "@/lib/money/format-decimal";
import { loadCampaign } from "@/lib/sending/load-campaigns";
import { roleCan } from "@/lib/workspaces/roles";
import { requireWorkspace } from "@/lib/workspaces/workspace-context";
import { CancelCampaignButton, ResumeCampaignButton } from "../_components/campaign-buttons";
import { ApprovalStateBadge, ApprovalStatus, isApprovalState } from "../_components/approval-status";
import { CampaignStateBadge } from "../_components/campaign-state-badge";
import { LiveRefresh } from "../_components/live-refresh";
import { LocalTime } from "../_components/local-time";

export const metadata: Metadata = { title: "Campaign" };

const CHUNK_STATES: Record<string, string> = {
  queued: "Waiting",
  pending: "Sending…",
  accepted: "Sent",
  failed: "Refused",
  unknown: "Unknown — check Reports",
};

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const context = await requireWorkspace("sms.read");
  const { id } = await params;
  const loaded = await loadCampaign(context.workspace.id, id);
  if (!loaded || loaded.campaign.state === "draft") notFound();
  const { campaign, chunks, progress } = loaded;
  const canSend = roleCan(context.role, "sms.send");
  const moving = campaign.state === "running" || campaign.state === "scheduled";

  return (
    <div className="max-w-4xl space-y-6">
      <LiveRefresh active={moving} />
      <div>
        <p className="text-sm">
          <Link href="/send/campaigns" className="text-brand-600 underline">
            Campaigns
          </Link>
        </p>
        <h1 className="mt-1 flex items-center gap-3 text-2xl font-semibold">
          Campaign {isApprovalState(campaign.state) ? <ApprovalStateBadge state={campaign.state} /> : <CampaignStateBadge state={campaign.state} />}
        </h1>
        <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{campaign.message}</p>
      </div>

      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label="Progress">
        <dt className="text-slate-500">Chunks done</dt>
        <dd data-testid="progress-chunks">
          {progress.chunksDone} / {progress.chunksTotal}
        </dd>
        <dt className="text-slate-500">Recipients accepted</dt>
        <dd data-testid="progress-recipients">
          {progress.recipientsAccepted.toLocaleString("en")} / {campaign.recipientCount.toLocaleString("en")}
        </dd>
        <dt className="text-slate-500">Sendings created</dt>
        <dd data-testid="progress-sendings">{progress.sendingsCreated}</dd>
        <dt className="text-slate-500">Service</dt>
        <dd>
          {campaign.serviceName} · {formatDecimal(campaign.unitPrice.toFixed(6))} × {campaign.recipientCount.toLocaleString("en")} ={" "}
          {formatDecimal(campaign.costEstimate.toFixed(6), campaign.currency)}
        </dd>
        <dt className="text-slate-500">Review</dt>
        <dd>
          {campaign.totalEntries.toLocaleString("en")} lines, {campaign.duplicateCount.toLocaleString("en")} duplicates removed,{" "}
          {campaign.invalidCount.toLocaleString("en")} invalid
          {campaign.invalidCount > 0 && (
            <>
              {" "}
              (
              <a href={`/send/campaigns/${campaign.id}/invalid-lines`} className="text-brand-600 underline" download>
                download
              </a>
              )
            </>
          )}
        </dd>
        {campaign.scheduledAt && (
          <>
            <dt className="text-slate-500">Scheduled for</dt>
            <dd data-testid="scheduled-at">
              <LocalTime iso={campaign.scheduledAt.toISOString()} />
            </dd>
          </>
        )}
        <dt className="text-slate-500">By</dt>
        <dd>{campaign.user?.name ?? "a former member"}</dd>
      </dl>
      <ApprovalStatus campaign={campaign} canDecide={roleCan(context.role, "spending.manage") && campaign.userId !== context.user.id} />

      {campaign.state === "stopped" && (
        <div role="alert" className="space-y-3 rounded-md bg-red-50 px-4 py-3 text-sm text-red-900">
          <p>
            Stopped: {campaign.stopReason} Chunks {listOf(chunks.filter((chunk) => chunk.state === "accepted").map((chunk) => chunk.index + 1)) || "none"} went
            out; the rest was not sent.
          </p>
          {canSend && <ResumeCampaignButton workspaceId={context.workspace.id} campaignId={campaign.id} label="Resume the rest" />}
        </div>
      )}
      {progress.unknownChunks > 0 && (campaign.state === "completed" || campaign.state === "stopped") && (
        <div className="space-y-3 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p>
            {progress.unknownChunks} {progress.unknownChunks === 1 ? "chunk has" : "chunks have"} an unknown outcome: Yazsana may have sent them.
            Check <Link href="/reports" className="underline">Reports</Link> first; sending them again may send twice.
          </p>
          {canSend && <ResumeCampaignButton workspaceId={context.workspace.id} campaignId={campaign.id} resendUnknown label="Send unknown chunks again" />}
        </div>
      )}
      {(campaign.state === "scheduled" || campaign.state === "awaiting_approval") && canSend && <CancelCampaignButton workspaceId={context.workspace.id} campaignId={campaign.id} />}

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Chunks</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2">Chunk</th>
              <th scope="col" className="px-4 py-2 text-right">Recipients</th>
              <th scope="col" className="px-4 py-2">State</th>
              <th scope="col" className="px-4 py-2">Sending</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {chunks.map((chunk) => (
              <tr key={chunk.index}>
                <th scope="row" className="px-4 py-2 text-left font-normal">{chunk.index + 1}</th>
                <td className="px-4 py-2 text-right">{chunk.recipients.toLocaleString("en")}</td>
                <td className="px-4 py-2">
                  {CHUNK_STATES[chunk.state]}
                  {chunk.error && <span className="block text-xs text-slate-500">{chunk.error}</span>}
                </td>
                <td className="px-4 py-2">
                  {chunk.sendingId ? (
                    <Link href={`/reports/${chunk.sendingId}`} className="font-mono text-brand-600 underline">
                      {chunk.sendingId.slice(0, 8)}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function listOf(numbers: number[]): string {
  return numbers.join(", ");
}
