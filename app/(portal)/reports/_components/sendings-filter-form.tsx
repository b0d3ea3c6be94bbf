import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UrlFilterForm } from "@/components/forms/url-filter-form";
import { datePresets } from "@/lib/reports/date-range";
import { PAGE_SIZES, DEFAULT_PAGE_SIZE } from "@/lib/reports/search-params";
import { sendingsHref, type SendingsFilters } from "@/lib/reports/sendings-filters";

const field = "flex flex-col gap-1 text-sm font-medium text-slate-700";
const control = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal";

/** The sendings filters: a GET form of the URL's own parameters, plus date presets as links. */
export async function SendingsFilterForm({ filters, timeZone }: { filters: SendingsFilters; timeZone: string }) {
  const t = await getTranslations("reports");
  const presets = datePresets(timeZone);
  return (
    <section aria-label={t("filtersRegion")} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <UrlFilterForm action="/reports" aria-label={t("filterSendings")} className="flex flex-wrap items-end gap-3">
        <div className={field}>
          <label htmlFor="filter-from">{t("from")}</label>
          <input type="date" id="filter-from" name="from" defaultValue={filters.from ?? ""} className={control} />
        </div>
        <div className={field}>
          <label htmlFor="filter-to">{t("to")}</label>
          <input type="date" id="filter-to" name="to" defaultValue={filters.to ?? ""} className={control} />
        </div>
        <div className={field}>
          <label htmlFor="filter-completed">{t("completed")}</label>
          <select id="filter-completed" name="completed" defaultValue={filters.completed ?? ""} data-default="" className={control}>
            <option value="">{t("any")}</option>
            <option value="yes">{t("yes")}</option>
            <option value="no">{t("no")}</option>
          </select>
        </div>
        <div className={field}>
          <label htmlFor="filter-source">{t("source")}</label>
          <select id="filter-source" name="source" defaultValue={filters.source ?? ""} data-default="" className={control}>
            <option value="">{t("any")}</option>
            <option value="api">{t("sourceApi")}</option>
            <option value="panel">{t("sourcePanel")}</option>
          </select>
        </div>
        <div className={`${field} min-w-48 flex-1`}>
          <label htmlFor="filter-text">{t("messageText")}</label>
          <input type="search" id="filter-text" name="text" defaultValue={filters.text ?? ""} maxLength={160} placeholder={t("messageTextPlaceholder")} className={control} />
        </div>
        <div className={field}>
          <label htmlFor="filter-limit">{t("perPage")}</label>
          <select id="filter-limit" name="limit" defaultValue={String(filters.limit)} data-default={String(DEFAULT_PAGE_SIZE)} className={control}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          {t("applyFilters")}
        </button>
      </UrlFilterForm>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">{t("datesIn", { timeZone })}</span>
        {presets.map((preset) => {
          const active = filters.from === preset.from && filters.to === preset.to;
          return (
            <Link
              key={preset.id}
              href={sendingsHref(filters, { from: preset.from, to: preset.to, page: 1 })}
              aria-current={active ? "true" : undefined}
              className={`rounded-full border px-3 py-1 ${active ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 hover:bg-slate-100"}`}
            >
              {t(`presets.${preset.id}`)}
            </Link>
          );
        })}
        <Link href="/reports" className="ml-auto text-brand-600 underline-offset-2 hover:underline">
          {t("clearFilters")}
        </Link>
      </div>
    </section>
  );
}
