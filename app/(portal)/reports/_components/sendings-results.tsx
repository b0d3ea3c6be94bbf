import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { senderText } from "@/lib/reports/find-senders";
import { loadSendingsReport, type ReportSending } from "@/lib/reports/load-sendings-report";
import { reportsAccess } from "@/lib/reports/reports-access";
import { describeSendingsFilters, hasActiveFilters, sendingsHref, type SendingsFilters } from "@/lib/reports/sendings-filters";
import { formatDecimal } from "@/lib/money/format-decimal";
import { roleCan } from "@/lib/workspaces/roles";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { ReportErrorState, ReportsDenied } from "./report-states";
import { StatusBar } from "./status-bar";
import { ZonedTime } from "./time-cell";

const SOURCE_LABELS: Record<string, string> = { api: "API", panel: "Panel" };

/** The streamed part of /reports: everything that waits for Yazsana. */
export async function SendingsResults({ context, filters, timeZone }: { context: WorkspaceContext; filters: SendingsFilters; timeZone: string }) {
  const here = sendingsHref(filters);
  const access = await reportsAccess(context);
  if (!access.allowed) return <ReportsDenied denial={access} canManageKey={roleCan(context.role, "api_key.manage")} retryHref={here} />;
  const report = await loadSendingsReport(access.yazsana, context.workspace.id, filters, timeZone);
  if (report.status === "error") return <ReportErrorState error={report.error} retryHref={here} />;

  const { page, pageCount } = report;
  const contextName = access.organizationName ?? "Personal credit";
  if (page.items.length === 0) {
    if (page.total > 0 && filters.page > pageCount) {
      return (
        <EmptyState title={`Page ${filters.page} is past the end`}>
          There {pageCount === 1 ? "is 1 page" : `are ${pageCount} pages`} of sendings with these filters.{" "}
          <Link href={sendingsHref(filters, { page: pageCount })} className="text-brand-600 underline">
            Go to the last page (page {pageCount})
          </Link>
        </EmptyState>
      );
    }
    return hasActiveFilters(filters) ? (
      <EmptyState title="No sendings match these filters">
        Nothing in {contextName} {describeSendingsFilters(filters)}.{" "}
        <Link href="/reports" className="text-brand-600 underline">
          Clear filters
        </Link>
      </EmptyState>
    ) : (
      <EmptyState title="No sendings yet">Nothing has been sent in {contextName} yet.</EmptyState>
    );
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600" data-testid="sendings-total">
        {page.total === 1 ? "1 sending" : `${page.total.toLocaleString("en-US")} sendings`} in {contextName}
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Sendings, newest first</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-3">Created</th>
              <th scope="col" className="px-3 py-3">Message</th>
              <th scope="col" className="px-3 py-3">Source</th>
              <th scope="col" className="px-3 py-3">Sent by</th>
              <th scope="col" className="px-3 py-3 text-right">Valid / invalid</th>
              <th scope="col" className="px-3 py-3">Status</th>
              <th scope="col" className="px-3 py-3 text-right">Cost</th>
              <th scope="col" className="px-3 py-3 text-right">Refunded</th>
              <th scope="col" className="px-3 py-3">Completed</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.items.map((sending) => (
              <SendingRow key={sending.id} sending={sending} />
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={filters.page} totalPages={pageCount} href={(target) => sendingsHref(filters, { page: target })} label="Sendings pages" />
    </div>
  );
}

function SendingRow({ sending }: { sending: ReportSending }) {
  const { stats } = sending;
  return (
    <tr>
      <td className="whitespace-nowrap px-3 py-3 text-slate-600">
        <ZonedTime iso={sending.createdAt} />
      </td>
      <td className="max-w-xs px-3 py-3">
        <Link href={`/reports/${sending.id}`} className="line-clamp-2 break-words text-brand-700 underline-offset-2 hover:underline">
          {sending.sampleMessageText || "(no text)"}
        </Link>
      </td>
      <td className="px-3 py-3">{sending.source ? (SOURCE_LABELS[sending.source] ?? sending.source) : "—"}</td>
      <td className="px-3 py-3">{senderText(sending.sender)}</td>
      <td className="px-3 py-3 text-right tabular-nums">
        {stats.validSize} / {stats.invalidSize}
      </td>
      <td className="px-3 py-3">
        <StatusBar stats={stats} />
      </td>
      <td className="px-3 py-3 text-right font-mono">{formatDecimal(stats.totalCost)}</td>
      <td className="px-3 py-3 text-right font-mono">{formatDecimal(stats.totalRefunded)}</td>
      <td className="px-3 py-3">
        {sending.completed ? <span className="text-green-700">Yes</span> : <span className="text-amber-700">No</span>}
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
