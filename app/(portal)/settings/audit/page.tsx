import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Pagination } from "@/components/pagination";
import { auditActionLabel, describeAuditEvent, listAuditActions, listAuditEvents, listAuditMembers } from "@/lib/audit/list-audit-events";
import { formatDateTime } from "@/lib/i18n/format";
import { getRequestPreferences } from "@/lib/i18n/request-preferences";
import { pageParam } from "@/lib/url/page-param";
import { requireWorkspace } from "@/lib/workspaces/workspace-context";
import { TableScroll } from "@/components/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("metaTitle") };
}

type AuditSearch = { page?: string; action?: string; member?: string };

/** `?action=` and `?member=` keep only values this workspace knows; anything else means "all". */
function auditHref(filters: { action?: string; member?: string }, page = 1): string {
  const params = new URLSearchParams();
  if (filters.action) params.set("action", filters.action);
  if (filters.member) params.set("member", filters.member);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/settings/audit?${query}` : "/settings/audit";
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<AuditSearch> }) {
  const { workspace } = await requireWorkspace("audit.read");
  const search = await searchParams;
  const requested = pageParam.parse(search.page);
  const [members, actions] = await Promise.all([listAuditMembers(workspace.id), listAuditActions(workspace.id)]);
  const action = typeof search.action === "string" && actions.includes(search.action) ? search.action : undefined;
  const member = members.find((candidate) => candidate.id === search.member);
  const filters = { action, member: member?.id };
  const [{ events, totalPages }, t, preferences] = await Promise.all([
    listAuditEvents(workspace.id, requested, { action, member }),
    getTranslations("audit"),
    getRequestPreferences(),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro", { workspace: workspace.name })}</p>
      </div>
      <form method="get" action="/settings/audit" className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <div className="min-w-0 max-w-full">
          <label htmlFor="audit-action" className="block text-sm font-medium text-slate-700">
            {t("filterAction")}
          </label>
          <select id="audit-action" name="action" defaultValue={action ?? ""} className="mt-1 max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="">{t("allActions")}</option>
            {actions.map((value) => (
              <option key={value} value={value}>
                {auditActionLabel(value, t)}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0 max-w-full">
          <label htmlFor="audit-member" className="block text-sm font-medium text-slate-700">
            {t("filterMember")}
          </label>
          <select id="audit-member" name="member" defaultValue={member?.id ?? ""} className="mt-1 max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="">{t("everyone")}</option>
            {members.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name} ({candidate.email})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t("filter")}
        </button>
        {(action || member) && (
          <Link href="/settings/audit" className="py-2 text-sm text-brand-600 underline">
            {t("clearFilters")}
          </Link>
        )}
      </form>
      {events.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          {action || member ? t("noMatches") : t("empty")}{" "}
          <Link href="/settings/audit" className="text-brand-600 underline">
            {t("backToNewest")}
          </Link>
        </p>
      ) : (
        <TableScroll label={t("caption")}>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">
                  {t("when", { timeZone: preferences.timeZone })}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("who")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("what")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {events.map((event) => (
                <tr key={event.id}>
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                    <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt, preferences)}</time>
                  </td>
                  <td className="px-4 py-3">{event.actor ? event.actor.name : <span className="text-slate-500">{t("system")}</span>}</td>
                  <td className="px-4 py-3">{describeAuditEvent(event, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={requested} totalPages={totalPages} href={(page) => auditHref(filters, page)} label={t("pages")} />
    </div>
  );
}
