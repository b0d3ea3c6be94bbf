import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Pagination } from "@/components/pagination";
import { listReportMessages, loadSendingReport, sendingIdSchema } from "@/lib/reports/load-sending-report";
import { messagesHref, parseMessagesFilters } from "@/lib/reports/messages-filters";
import { reportsAccessWithRead } from "@/lib/reports/reports-access";
import type { RawSearchParams } from "@/lib/reports/search-params";
import { viewerTimeZone } from "@/lib/reports/viewer-time-zone";
import { roleCan } from "@/lib/workspaces/roles";
import { requireWorkspace } from "@/lib/workspaces/workspace-context";
import { ParameterNotes, ReportErrorState, ReportsDenied } from "../_components/report-states";
import { LiveRefresh } from "./_components/live-refresh";
import { MessagesFilterForm } from "./_components/messages-filter-form";
import { MessagesTable } from "./_components/messages-table";
import { SendingSummary } from "./_components/sending-summary";

export const metadata: Metadata = { title: "Sending report" };

type Props = { params: Promise<{ sendingId: string }>; searchParams: Promise<RawSearchParams> };

/**
 * Not streamed behind Suspense on purpose: an unknown sending must answer a
 * real HTTP 404, which is only possible before the first byte is sent.
 */
export default async function SendingReportPage({ params, searchParams }: Props) {
  const context = await requireWorkspace("sms.read");
  const { sendingId } = await params;
  if (!sendingIdSchema.safeParse(sendingId).success) notFound();
  const { filters, notes } = parseMessagesFilters(await searchParams);
  const [timeZone, t] = await Promise.all([viewerTimeZone(), getTranslations("reports")]);
  const here = messagesHref(sendingId, filters);

  // In an organization context the messages are asked for beside the permission check, never shown unless it passes.
  const { access, early } = await reportsAccessWithRead(context, (yazsana) => listReportMessages(yazsana, sendingId, filters));
  const report = access.allowed ? await loadSendingReport(access.yazsana, context.workspace.id, sendingId, filters, early) : null;
  if (report?.status === "not_found") notFound();

  const header = (
    <div className="space-y-1">
      <Link href="/reports" className="text-sm text-brand-600 underline-offset-2 hover:underline">
        {t("allSendings")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("sendingReport")}</h1>
      <p className="break-all font-mono text-xs text-slate-500">{sendingId}</p>
    </div>
  );
  if (!access.allowed || !report) {
    return (
      <div className="space-y-6">
        {header}
        {!access.allowed && <ReportsDenied denial={access} canManageKey={roleCan(context.role, "api_key.manage")} retryHref={here} />}
      </div>
    );
  }
  if (report.status === "error") {
    return (
      <div className="space-y-6">
        {header}
        <ReportErrorState error={report.error} retryHref={here} />
      </div>
    );
  }

  const { sending, sender, messages, pageCount } = report;
  const renderedAt = new Date().toISOString();
  const stillMoving = sending ? !sending.completed : messages.items.some((message) => message.status === "pending" || message.status === "waiting");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        {header}
        <a
          href={messagesHref(sendingId, { ...filters, page: 1, limit: 20 }, {}, "/messages.csv")}
          download
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
        >
          {t("downloadCsv")}
        </a>
      </div>
      {sending?.sampleMessageText && <blockquote className="rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-800">{sending.sampleMessageText}</blockquote>}
      <LiveRefresh
        active={stillMoving}
        renderedAt={renderedAt}
        text={{
          active: t("live.active"),
          done: t("live.done"),
          lastUpdated: t("live.lastUpdated", { time: renderedAt.slice(11, 19) }),
          refreshNow: t("live.refreshNow"),
          refreshing: t("live.refreshing"),
        }}
      />
      <SendingSummary sending={sending} sender={sender} />
      <ParameterNotes notes={notes} />
      <section aria-labelledby="messages-heading" className="space-y-3">
        <h2 id="messages-heading" className="text-lg font-semibold">
          {t("messages")}
        </h2>
        <MessagesFilterForm sendingId={sendingId} filters={filters} />
        <p className="text-sm text-slate-600" data-testid="messages-total">
          {t("messagesTotal", { count: messages.total, filtered: filters.status || filters.text ? "yes" : "no", timeZone })}
        </p>
        {messages.items.length === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
            {messages.total > 0 && filters.page > pageCount ? (
              <>
                {t("messagesPastEnd", { page: filters.page })}{" "}
                <Link href={messagesHref(sendingId, filters, { page: pageCount })} className="text-brand-600 underline">
                  {t("lastPageLink", { page: pageCount })}
                </Link>
              </>
            ) : !filters.status && !filters.text ? (
              <>{t("noMessages")}</>
            ) : (
              <>
                {t("noMessagesMatch")}{" "}
                <Link href={`/reports/${sendingId}`} className="text-brand-600 underline">
                  {t("clearFilters")}
                </Link>
              </>
            )}
          </div>
        ) : (
          <MessagesTable messages={messages.items} />
        )}
        <Pagination page={filters.page} totalPages={pageCount} href={(target) => messagesHref(sendingId, filters, { page: target })} label={t("messagesPages")} />
      </section>
    </div>
  );
}
