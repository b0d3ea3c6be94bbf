import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/table-scroll";
import { ClientMessages } from "@/components/i18n/client-messages";
import { formatDateTime, formatInteger } from "@/lib/i18n/format";
import { formatMoney } from "@/lib/i18n/format-money";
import { getRequestPreferences } from "@/lib/i18n/request-preferences";
import { describeExcess } from "@/lib/spending/describe-allowance";
import { listApprovals } from "@/lib/spending/list-approvals";
import { requireWorkspace } from "@/lib/workspaces/workspace-context";
import { DecisionForms } from "./_components/decision-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("spending"))("approvals.metaTitle") };
}

export default async function ApprovalsPage() {
  const context = await requireWorkspace("spending.manage");
  const [t, { locale, timeZone }, campaigns] = await Promise.all([getTranslations("spending.approvals"), getRequestPreferences(), listApprovals(context.workspace.id)]);
  const when = (date: Date) => formatDateTime(date, { locale, timeZone });
  const overLimit = new Map(
    await Promise.all(
      campaigns.map(
        async (campaign) =>
          [campaign.id, await describeExcess({ overCapBy: campaign.overCapBy, overBudgetBy: campaign.overBudgetBy?.toFixed(6) ?? null }, campaign.currency, "requester's")] as const,
      ),
    ),
  );
  return (
    <ClientMessages namespaces={["spending"]}>
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        </div>
        {campaigns.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <TableScroll label={t("caption")}>
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-3">{t("message")}</th>
                  <th scope="col" className="px-4 py-3 text-right">{t("recipients")}</th>
                  <th scope="col" className="px-4 py-3 text-right">{t("cost")}</th>
                  <th scope="col" className="px-4 py-3">{t("requester")}</th>
                  <th scope="col" className="px-4 py-3">{t("when")}</th>
                  <th scope="col" className="px-4 py-3">{t("decide")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {campaigns.map((campaign) => (
                  <tr key={campaign.id} data-testid={`approval-${campaign.id}`} className="align-top">
                    <th scope="row" className="max-w-xs px-4 py-3 text-left font-normal">
                      <Link href={`/send/campaigns/${campaign.id}`} className="whitespace-pre-wrap break-words text-brand-700 underline">
                        {campaign.message}
                      </Link>
                      {overLimit.get(campaign.id)!.length > 0 && (
                        <div data-testid="over-limit" className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900">
                          <p className="font-semibold">{t("overLimit")}</p>
                          {overLimit.get(campaign.id)!.map((line) => (
                            <p key={line}>{line}</p>
                          ))}
                        </div>
                      )}
                    </th>
                    <td className="px-4 py-3 text-right">{formatInteger(campaign.recipientCount, locale)}</td>
                    <td className="px-4 py-3 text-right font-mono">{formatMoney(campaign.costEstimate.toFixed(6), { locale, currency: campaign.currency })}</td>
                    <td className="px-4 py-3">
                      {campaign.user?.name ?? "—"}
                      <span className="block text-xs text-slate-500">{campaign.user?.email}</span>
                      {campaign.reservedAt && (
                        <span className="block text-xs text-slate-500">
                          {t("requestedAt")}: {when(campaign.reservedAt)}
                        </span>
                      )}
                    </td>
                    <td className="px-4 py-3">
                      {campaign.scheduledAt ? when(campaign.scheduledAt) : t("sendNow")}
                      {campaign.approvalExpiresAt && (
                        <span className="block text-xs text-slate-500">
                          {t("expiresAt")}: {when(campaign.approvalExpiresAt)}
                        </span>
                      )}
                    </td>
                    <td className="px-4 py-3">
                      {campaign.userId === context.user.id ? (
                        <p className="w-48 text-xs text-slate-600">{t("yourOwn")}</p>
                      ) : (
                        <DecisionForms workspaceId={context.workspace.id} campaignId={campaign.id} overLimit={overLimit.get(campaign.id)!.length > 0} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </div>
    </ClientMessages>
  );
}
