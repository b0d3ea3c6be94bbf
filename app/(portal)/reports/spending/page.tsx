import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/table-scroll";
import { formatInteger } from "@/lib/i18n/format";
import { formatMoney } from "@/lib/i18n/format-money";
import { getRequestPreferences } from "@/lib/i18n/request-preferences";
import { contextLabels } from "@/lib/spending/context-labels";
import { loadSpendSettings } from "@/lib/spending/load-spend-policy";
import { loadSpendingReport } from "@/lib/spending/load-spending-report";
import { monthIn } from "@/lib/spending/spend-periods";
import { parseSpendingReportFilters, spendingReportQuery } from "@/lib/spending/spending-report-filters";
import { requireWorkspace } from "@/lib/workspaces/workspace-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("spending"))("report.metaTitle") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SpendingReportPage({ searchParams }: { searchParams: Search }) {
  const context = await requireWorkspace("spending.manage");
  const [t, { locale }, settings] = await Promise.all([getTranslations("spending.report"), getRequestPreferences(), loadSpendSettings(context.workspace.id)]);
  const filters = parseSpendingReportFilters(await searchParams, monthIn(settings.timeZone));
  const [report, labels] = await Promise.all([loadSpendingReport(context.workspace.id, filters), contextLabels(context, t("personalCredit"))]);
  const money = (value: string, currency: string | null) => formatMoney(value, { locale, ...(currency && { currency }) });
  const label = (key: string) => labels.get(key) ?? key;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro", { timeZone: report.timeZone })}</p>
        </div>
        <a href={`/reports/spending/export.csv?${spendingReportQuery(filters)}`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100" download>
          {t("downloadCsv")}
        </a>
      </div>

      <form method="get" action="/reports/spending" aria-label={t("filters")} className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="spending-month" className="block text-sm font-medium text-slate-700">
            {t("month")}
          </label>
          <input id="spending-month" type="month" name="month" defaultValue={filters.month} className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </div>
        <div>
          <label htmlFor="spending-context" className="block text-sm font-medium text-slate-700">
            {t("context")}
          </label>
          <select id="spending-context" name="context" defaultValue={filters.context} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="all">{t("allContexts")}</option>
            {[...labels.entries()].map(([key, name]) => (
              <option key={key} value={key}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t("show")}
        </button>
      </form>

      {report.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">{t("empty", { month: filters.month })}</p>
      ) : (
        <TableScroll label={t("caption", { month: filters.month })}>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t("caption", { month: filters.month })}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">{t("member")}</th>
                <th scope="col" className="px-4 py-3">{t("context")}</th>
                <th scope="col" className="px-4 py-3 text-right">{t("messages")}</th>
                <th scope="col" className="px-4 py-3 text-right">{t("cost")}</th>
                <th scope="col" className="px-4 py-3">{t("budgetUsed")}</th>
                <th scope="col" className="px-4 py-3 text-right">{t("capLeftToday")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {report.rows.map((row) => (
                <tr key={`${row.userId}-${row.contextKey}`} data-testid={`spending-${row.email}-${row.contextKey}`}>
                  <th scope="row" className="px-4 py-3 text-left font-normal">
                    {row.name}
                    <span className="block text-xs text-slate-500">{row.email}</span>
                  </th>
                  <td className="px-4 py-3">{label(row.contextKey)}</td>
                  <td className="px-4 py-3 text-right">{formatInteger(row.messages, locale)}</td>
                  <td className="px-4 py-3 text-right font-mono">{money(row.cost, row.currency)}</td>
                  <td className="px-4 py-3">
                    {row.monthlyBudget === null || row.budgetUsedPercent === null ? (
                      <span className="text-slate-500">{t("noBudget")}</span>
                    ) : (
                      <div className="w-48 space-y-1">
                        <div
                          role="meter"
                          aria-valuemin={0}
                          aria-valuemax={100}
                          // Overspending can pass 100%: the value stays in range, the text says the real share.
                          aria-valuenow={Math.min(row.budgetUsedPercent, 100)}
                          aria-valuetext={t("usedPercent", { percent: row.budgetUsedPercent })}
                          aria-label={t("budgetOf", { name: row.name })}
                          className="h-2 overflow-hidden rounded bg-slate-100"
                        >
                          <div className={`h-full ${row.budgetUsedPercent >= 100 ? "bg-red-600" : "bg-brand-600"}`} style={{ width: `${row.budgetUsedPercent}%` }} />
                        </div>
                        <p className="text-xs text-slate-600">
                          {t("usedPercent", { percent: row.budgetUsedPercent })} · {money(row.monthlyBudget, row.currency)}
                        </p>
                      </div>
                    )}
                  </td>
                  <td className="px-4 py-3 text-right">{row.capLeftToday === null ? <span className="text-slate-500">{t("noCap")}</span> : `${formatInteger(row.capLeftToday, locale)} / ${formatInteger(row.dailyCap ?? 0, locale)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
