import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { formatMoney } from "@/lib/i18n/format-money";
import { getRequestPreferences } from "@/lib/i18n/request-preferences";
import { loadSendContext } from "@/lib/sending/load-send-context";
import { roleCan } from "@/lib/workspaces/roles";
import { requireWorkspace, type WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { ContextSummary, SendContextProblem } from "../send/_components/context-notice";
import { TableScroll } from "@/components/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sending"))("services.metaTitle") };
}

export default async function ServicesPage() {
  const context = await requireWorkspace("sms.read");
  const t = await getTranslations("sending.services");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </div>
      <Suspense fallback={<ServicesSkeleton />}>
        <ServicesTable context={context} />
      </Suspense>
    </div>
  );
}

async function ServicesTable({ context }: { context: WorkspaceContext }) {
  const [view, t, { locale }] = await Promise.all([loadSendContext(context), getTranslations("sending.services"), getRequestPreferences()]);
  if (view.status !== "ok") return <SendContextProblem view={view} canManageKey={roleCan(context.role, "api_key.manage")} />;
  return (
    <div className="space-y-4">
      <ContextSummary view={view} />
      {view.services.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <TableScroll label={t("caption", { context: view.contextLabel })}>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t("caption", { context: view.contextLabel })}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">{t("columns.service")}</th>
                <th scope="col" className="px-4 py-3">{t("columns.type")}</th>
                <th scope="col" className="px-4 py-3">{t("columns.currency")}</th>
                <th scope="col" className="px-4 py-3 text-right">{t("columns.unitPrice")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {view.services.map((service) => (
                <tr key={service.id}>
                  <th scope="row" className="px-4 py-3 text-left font-medium text-slate-900">{service.name}</th>
                  <td className="px-4 py-3">{service.type.toUpperCase()}</td>
                  <td className="px-4 py-3">{service.currency}</td>
                  {/* As Yazsana gives it: six places, never rounded (only the decimal comma follows the reader's language). */}
                  <td className="px-4 py-3 text-right font-mono" data-testid="unit-price">
                    {locale === "tr" ? service.unitPrice.replace(".", ",") : service.unitPrice}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p className="text-xs text-slate-500" data-testid="cheapest-service">
        {view.services[0]
          ? t("cheapest", { name: view.services[0].name, price: formatMoney(view.services[0].unitPrice, { locale, currency: view.services[0].currency }) })
          : t("cheapestNone")}
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
