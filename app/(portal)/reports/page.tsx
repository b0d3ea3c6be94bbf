import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { parseSendingsFilters, sendingsHref } from "@/lib/reports/sendings-filters";
import type { RawSearchParams } from "@/lib/reports/search-params";
import { viewerTimeZone } from "@/lib/reports/viewer-time-zone";
import { requireWorkspace } from "@/lib/workspaces/workspace-context";
import { ParameterNotes, TableSkeleton } from "./_components/report-states";
import { SendingsFilterForm } from "./_components/sendings-filter-form";
import { SendingsResults } from "./_components/sendings-results";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const context = await requireWorkspace("sms.read");
  const { filters, notes } = parseSendingsFilters(await searchParams);
  const [timeZone, t] = await Promise.all([viewerTimeZone(), getTranslations("reports")]);
  const exportHref = sendingsHref(filters, { page: 1, limit: 20 }, "/reports/export.csv");

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("intro", { timeZone })}</p>
        </div>
        <a href={exportHref} download className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
          {t("downloadCsv")}
        </a>
      </div>
      <ParameterNotes notes={notes} />
      <SendingsFilterForm filters={filters} timeZone={timeZone} />
      <Suspense key={`${sendingsHref(filters)}|${timeZone}`} fallback={<TableSkeleton label={t("loadingSendings")} />}>
        <SendingsResults context={context} filters={filters} timeZone={timeZone} />
      </Suspense>
    </div>
  );
}
