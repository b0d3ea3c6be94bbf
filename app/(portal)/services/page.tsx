import type { Metadata } from "next";
import { Suspense } from "react";
import { formatDecimal } from "@/lib/money/format-decimal";
import { loadSendContext } from "@/lib/sending/load-send-context";
import { roleCan } from "@/lib/workspaces/roles";
import { requireWorkspace, type WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { ContextSummary, SendContextProblem } from "../send/_components/context-notice";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage() {
  const context = await requireWorkspace("sms.read");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Services and prices</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every active Yazsana service with its final unit price in the current context. Prices differ between personal credit and each
          organization: switch the context in the header to compare.
        </p>
      </div>
      <Suspense fallback={<ServicesSkeleton />}>
        <ServicesTable context={context} />
      </Suspense>
    </div>
  );
}

async function ServicesTable({ context }: { context: WorkspaceContext }) {
  const view = await loadSendContext(context);
  if (view.status !== "ok") return <SendContextProblem view={view} canManageKey={roleCan(context.role, "api_key.manage")} />;
  return (
    <div className="space-y-4">
      <ContextSummary view={view} />
      {view.services.length === 0 ? (
        <p className="text-sm text-slate-600">Yazsana offers no active service in this context.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Active services in {view.contextLabel}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">Service</th>
                <th scope="col" className="px-4 py-3">Type</th>
                <th scope="col" className="px-4 py-3">Currency</th>
                <th scope="col" className="px-4 py-3 text-right">Unit price</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {view.services.map((service) => (
                <tr key={service.id}>
                  <th scope="row" className="px-4 py-3 text-left font-medium text-slate-900">{service.name}</th>
                  <td className="px-4 py-3">{service.type.toUpperCase()}</td>
                  <td className="px-4 py-3">{service.currency}</td>
                  {/* As Yazsana gives it: six places, never rounded. */}
                  <td className="px-4 py-3 text-right font-mono">{service.unitPrice}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="text-xs text-slate-500">
        Cheapest here: {view.services[0] ? `${view.services[0].name}, ${formatDecimal(view.services[0].unitPrice, view.services[0].currency)} per SMS` : "none"}.
      </p>
    </div>
  );
}

function ServicesSkeleton() {
  return (
    <div aria-hidden className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      {[0, 1, 2, 3].map((row) => (
        <div key={row} className="h-6 animate-pulse rounded bg-slate-100" />
      ))}
    </div>
  );
}
