import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { describeAuditEvent, listAuditEvents } from "@/lib/audit/list-audit-events";
import { pageParam } from "@/lib/url/page-param";
import { requireWorkspace } from "@/lib/workspaces/workspace-context";

export const metadata: Metadata = { title: "Audit log" };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { workspace } = await requireWorkspace("audit.read");
  const requested = pageParam.parse((await searchParams).page);
  const { events, totalPages } = await listAuditEvents(workspace.id, requested);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">Every change to {workspace.name}&apos;s key and settings, newest first.</p>
      </div>
      {events.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          Nothing on this page. <Link href="/settings/audit" className="text-brand-600 underline">Back to the newest events</Link>
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Audit events</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">When (UTC)</th>
                <th scope="col" className="px-4 py-3">Who</th>
                <th scope="col" className="px-4 py-3">What</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {events.map((event) => (
                <tr key={event.id}>
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                    <time dateTime={event.createdAt.toISOString()}>{dateTime.format(event.createdAt)}</time>
                  </td>
                  <td className="px-4 py-3">{event.actor ? event.actor.name : <span className="text-slate-500">system</span>}</td>
                  <td className="px-4 py-3">{describeAuditEvent(event)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={requested} totalPages={totalPages} href={(page) => `/settings/audit?page=${page}`} label="Audit log pages" />
    </div>
  );
}
