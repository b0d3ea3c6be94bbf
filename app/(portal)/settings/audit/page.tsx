import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Pagination } from "@/components/pagination";
import { describeAuditEvent, listAuditEvents } from "@/lib/audit/list-audit-events";
import { formatDateTime } from "@/lib/i18n/format";
import { getRequestPreferences } from "@/lib/i18n/request-preferences";
import { pageParam } from "@/lib/url/page-param";
import { requireWorkspace } from "@/lib/workspaces/workspace-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("metaTitle") };
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { workspace } = await requireWorkspace("audit.read");
  const requested = pageParam.parse((await searchParams).page);
  const [{ events, totalPages }, t, preferences] = await Promise.all([
    listAuditEvents(workspace.id, requested),
    getTranslations("audit"),
    getRequestPreferences(),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro", { workspace: workspace.name })}</p>
      </div>
      {events.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          {t("empty")}{" "}
          <Link href="/settings/audit" className="text-brand-600 underline">
            {t("backToNewest")}
          </Link>
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
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
        </div>
      )}
      <Pagination page={requested} totalPages={totalPages} href={(page) => `/settings/audit?page=${page}`} label={t("pages")} />
    </div>
  );
}
