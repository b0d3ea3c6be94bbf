import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { formatDateTime, formatInteger } from "@/lib/i18n/format";
import { formatMoney } from "@/lib/i18n/format-money";
import { getRequestPreferences } from "@/lib/i18n/request-preferences";
import { renderChunkError } from "@/lib/sending/chunk-error";
import { loadCampaign } from "@/lib/sending/load-campaigns";
import { roleCan } from "@/lib/workspaces/roles";
import { requireWorkspace } from "@/lib/workspaces/workspace-context";
import { CancelCampaignButton, ResumeCampaignButton } from "../_components/campaign-buttons";
import { ApprovalStateBadge, ApprovalStatus, isApprovalState } from "../_components/approval-status";
import { CampaignStateBadge } from "../_components/campaign-state-badge";
import { LiveRefresh } from "../_components/live-refresh";
import { TableScroll } from "@/components/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sending"))("detail.metaTitle") };
}

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const context = await requireWorkspace("sms.read");
  const { id } = await params;
  const loaded = await loadCampaign(context.workspace.id, id);
  if (!loaded || loaded.campaign.state === "draft") notFound();
  const { campaign, chunks, progress } = loaded;
  const [t, tYazsana, tSending, { locale, timeZone }] = await Promise.all([
    getTranslations("sending.detail"),
    getTranslations("yazsana"),
    getTranslations("sending"),
    getRequestPreferences(),
  ]);
  const errors = { yazsana: tYazsana, sending: tSending };
  const integer = (value: number) => formatInteger(value, locale);
  const canSend = roleCan(context.role, "sms.send");
  const moving = campaign.state === "running" || campaign.state === "scheduled";

  return (
    <div className="max-w-4xl space-y-6">
      <LiveRefresh active={moving} />
      <div>
        <p className="text-sm">
          <Link href="/send/campaigns" className="text-brand-600 underline">
            {tSending("campaigns.title")}
          </Link>
        </p>
        <h1 className="mt-1 flex items-center gap-3 text-2xl font-semibold">
          {t("title")} {isApprovalState(campaign.state) ? <ApprovalStateBadge state={campaign.state} /> : <CampaignStateBadge state={campaign.state} />}
        </h1>
        <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{campaign.message}</p>
      </div>

      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label={t("progress")}>
        <dt className="text-slate-500">{t("chunksDone")}</dt>
        <dd data-testid="progress-chunks">
          {progress.chunksDone} / {progress.chunksTotal}
        </dd>
        <dt className="text-slate-500">{t("recipientsAccepted")}</dt>
        <dd data-testid="progress-recipients">
          {integer(progress.recipientsAccepted)} / {integer(campaign.recipientCount)}
        </dd>
        <dt className="text-slate-500">{t("sendingsCreated")}</dt>
        <dd data-testid="progress-sendings">{integer(progress.sendingsCreated)}</dd>
        <dt className="text-slate-500">{t("service")}</dt>
        <dd data-testid="campaign-cost">
          {campaign.serviceName} · {formatMoney(campaign.unitPrice.toFixed(6), { locale })} × {integer(campaign.recipientCount)} ={" "}
          {formatMoney(campaign.costEstimate.toFixed(6), { locale, currency: campaign.currency })}
        </dd>
        <dt className="text-slate-500">{t("review")}</dt>
        <dd>
          {t("reviewSummary", { total: integer(campaign.totalEntries), duplicates: integer(campaign.duplicateCount), invalid: integer(campaign.invalidCount) })}
          {campaign.invalidCount > 0 && (
            <>
              {" "}
              (
              <a href={`/send/campaigns/${campaign.id}/invalid-lines`} className="text-brand-600 underline" download>
                {t("download")}
              </a>
              )
            </>
          )}
        </dd>
        {campaign.scheduledAt && (
          <>
            <dt className="text-slate-500">{t("scheduledFor")}</dt>
            <dd data-testid="scheduled-at">
              <time dateTime={campaign.scheduledAt.toISOString()}>{formatDateTime(campaign.scheduledAt, { locale, timeZone })}</time>
            </dd>
          </>
        )}
        <dt className="text-slate-500">{t("by")}</dt>
        <dd>{campaign.user?.name ?? t("formerMember")}</dd>
      </dl>
      <ApprovalStatus campaign={campaign} canDecide={roleCan(context.role, "spending.manage") && campaign.userId !== context.user.id} />

      {campaign.state === "stopped" && (
        <div role="alert" className="space-y-3 rounded-md bg-red-50 px-4 py-3 text-sm text-red-900">
          <p data-testid="stop-reason">
            {t("stopped", {
              reason: renderChunkError(campaign.stopReason, errors) ?? "",
              chunks: listOf(chunks.filter((chunk) => chunk.state === "accepted").map((chunk) => chunk.index + 1)) || t("none"),
            })}
          </p>
          {canSend && (
            <ClientMessages namespaces={["sending"]}>
              <ResumeCampaignButton workspaceId={context.workspace.id} campaignId={campaign.id} label={t("resumeRest")} />
            </ClientMessages>
          )}
        </div>
      )}
      {progress.unknownChunks > 0 && (campaign.state === "completed" || campaign.state === "stopped") && (
        <div className="space-y-3 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p>
            {t.rich("unknownChunks", {
              count: progress.unknownChunks,
              link: (text) => (
                <Link href="/reports" className="underline">
                  {text}
                </Link>
              ),
            })}
          </p>
          {canSend && (
            <ClientMessages namespaces={["sending"]}>
              <ResumeCampaignButton workspaceId={context.workspace.id} campaignId={campaign.id} resendUnknown label={t("resendUnknown")} />
            </ClientMessages>
          )}
        </div>
      )}
      {(campaign.state === "scheduled" || campaign.state === "awaiting_approval") && canSend && (
        <ClientMessages namespaces={["sending"]}>
          <CancelCampaignButton workspaceId={context.workspace.id} campaignId={campaign.id} />
        </ClientMessages>
      )}

      <TableScroll label={t("chunksCaption")}>
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t("chunksCaption")}</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2">{t("columns.chunk")}</th>
              <th scope="col" className="px-4 py-2 text-right">{t("columns.recipients")}</th>
              <th scope="col" className="px-4 py-2">{t("columns.state")}</th>
              <th scope="col" className="px-4 py-2">{t("columns.sending")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {chunks.map((chunk) => (
              <tr key={chunk.index}>
                <th scope="row" className="px-4 py-2 text-left font-normal">{chunk.index + 1}</th>
                <td className="px-4 py-2 text-right">{integer(chunk.recipients)}</td>
                <td className="px-4 py-2">
                  {t(`chunkStates.${chunk.state}`)}
                  {chunk.error && <span className="block text-xs text-slate-500" data-testid="chunk-error">{renderChunkError(chunk.error, errors)}</span>}
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
      </TableScroll>
    </div>
  );
}

function listOf(numbers: number[]): string {
  return numbers.join(", ");
}
