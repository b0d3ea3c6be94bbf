import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Pagination } from "@/components/pagination";
import { listReportSendings, loadSendingsReport, type ReportSending } from "@/lib/reports/load-sendings-report";
import { reportsAccessWithRead } from "@/lib/reports/reports-access";
import { describeSendingsFilters, hasActiveFilters, sendingsHref, type SendingsFilters } from "@/lib/reports/sendings-filters";
import { formatDecimal } from "@/lib/money/format-decimal";
import type { FormatOptions } from "@/lib/i18n/format";
import type { AppTranslator } from "@/lib/i18n/translator";
import { roleCan } from "@/lib/workspaces/roles";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { viewerFormat } from "@/lib/reports/viewer-time-zone";
import { ReportErrorState, ReportsDenied } from "./report-states";
import { SenderName } from "./sender-name";
import { StatusBar } from "./status-bar";
import { ZonedTime } from "./time-cell";
import { TableScroll } from "@/components/table-scroll";

/** The streamed part of /reports: everything that waits for Yazsana. */
export async function SendingsResults({ context, filters, timeZone }: { context: WorkspaceContext; filters: SendingsFilters; timeZone: string }) {
  const [t, { locale }] = await Promise.all([getTranslations("reports"), viewerFormat()]);
  const here = sendingsHref(filters);
  // In an organization context the listing starts beside the permission check, never shown unless it passes.
  const { access, early } = await reportsAccessWithRead(context, (yazsana) => listReportSendings(yazsana, filters, timeZone));
  if (!access.allowed) return <ReportsDenied denial={access} canManageKey={roleCan(context.role, "api_key.manage")} retryHref={here} />;
  const report = await loadSendingsReport(access.yazsana, context.workspace.id, filters, timeZone, early);
  if (report.status === "error") return <ReportErrorState error={report.error} retryHref={here} />;

  const { page, pageCount } = report;
  const contextName = access.organizationName ?? t("personalCredit");
  if (page.items.length === 0) {
    if (page.total > 0 && filters.page > pageCount) {
      return (
        <EmptyState title={t("pastEndTitle", { page: filters.page })}>
          {t("pastEndBody", { pages: pageCount })}{" "}
          <Link href={sendingsHref(filters, { page: pageCount })} className="text-brand-600 underline">
            {t("lastPageLink", { page: pageCount })}
          </Link>
        </EmptyState>
      );
    }
    return hasActiveFilters(filters) ? (
      <EmptyState title={t("noMatchTitle")}>
        {t("noMatchBody", {
          context: contextName,
          filters: describeSendingsFilters(filters)
            .map(({ key, ...values }) => t(`filterWords.${key}`, values as Record<string, string>))
            .join(", "),
        })}{" "}
        <Link href="/reports" className="text-brand-600 underline">
          {t("clearFilters")}
        </Link>
      </EmptyState>
    ) : (
      <EmptyState title={t("noSendingsTitle")}>{t("noSendingsBody", { context: contextName })}</EmptyState>
    );
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600" data-testid="sendings-total">
        {t("sendingsTotal", { count: page.total, context: contextName })}
      </p>
      <TableScroll label={t("sendingsCaption")}>
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t("sendingsCaption")}</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-3">{t("columns.created")}</th>
              <th scope="col" className="px-3 py-3">{t("columns.message")}</th>
              <th scope="col" className="px-3 py-3">{t("columns.source")}</th>
              <th scope="col" className="px-3 py-3">{t("columns.sentBy")}</th>
              <th scope="col" className="px-3 py-3 text-right">{t("columns.validInvalid")}</th>
              <th scope="col" className="px-3 py-3">{t("columns.status")}</th>
              <th scope="col" className="px-3 py-3 text-right">{t("columns.cost")}</th>
              <th scope="col" className="px-3 py-3 text-right">{t("columns.refunded")}</th>
              <th scope="col" className="px-3 py-3">{t("columns.completed")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.items.map((sending) => (
              <SendingRow key={sending.id} sending={sending} t={t} preferences={{ locale, timeZone }} />
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pagination page={filters.page} totalPages={pageCount} href={(target) => sendingsHref(filters, { page: target })} label={t("sendingsPages")} />
    </div>
  );
}

/** Plain, not async, like the cells in it: twenty awaited rows cost the page twenty streamed chunks. */
function SendingRow({ sending, t, preferences }: { sending: ReportSending; t: AppTranslator<"reports">; preferences: FormatOptions }) {
  const { stats } = sending;
  const source = sending.source === "api" ? t("sourceApi") : sending.source === "panel" ? t("sourcePanel") : (sending.source ?? "—");
  return (
    <tr>
      <td className="whitespace-nowrap px-3 py-3 text-slate-600">
        <ZonedTime iso={sending.createdAt} preferences={preferences} />
      </td>
      <td className="max-w-xs px-3 py-3">
        <Link href={`/reports/${sending.id}`} className="line-clamp-2 break-words text-brand-700 underline-offset-2 hover:underline">
          {sending.sampleMessageText || t("noText")}
        </Link>
      </td>
      <td className="px-3 py-3">{source}</td>
      <td className="px-3 py-3">
        <SenderName sender={sending.sender} t={t} />
      </td>
      <td className="px-3 py-3 text-right tabular-nums">
        {stats.validSize} / {stats.invalidSize}
      </td>
      <td className="px-3 py-3">
        <StatusBar stats={stats} t={t} />
      </td>
      <td className="px-3 py-3 text-right font-mono">{formatDecimal(stats.totalCost)}</td>
      <td className="px-3 py-3 text-right font-mono">{formatDecimal(stats.totalRefunded)}</td>
      <td className="px-3 py-3">
        {sending.completed ? <span className="text-green-700">{t("yes")}</span> : <span className="text-amber-700">{t("no")}</span>}
      </td>
    </tr>
  );
}

function EmptyState({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <h2 className="font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-slate-600">{children}</p>
    </div>
  );
}
