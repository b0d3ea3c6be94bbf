import { getTranslations } from "next-intl/server";
import { UrlFilterForm } from "@/components/forms/url-filter-form";
import { MESSAGE_STATUS_OPTIONS } from "@/lib/reports/message-status";
import type { MessagesFilters } from "@/lib/reports/messages-filters";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "@/lib/reports/search-params";

const field = "flex flex-col gap-1 text-sm font-medium text-slate-700";
const control = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal";

export async function MessagesFilterForm({ sendingId, filters }: { sendingId: string; filters: MessagesFilters }) {
  const t = await getTranslations("reports");
  return (
    <UrlFilterForm action={`/reports/${sendingId}`} aria-label={t("filterMessages")} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className={field}>
        <label htmlFor="filter-status">{t("columns.status")}</label>
        <select id="filter-status" name="status" defaultValue={filters.status ?? ""} data-default="" className={control}>
          <option value="">{t("any")}</option>
          {MESSAGE_STATUS_OPTIONS.map((status) => (
            <option key={status} value={status}>
              {t(`messageStatus.${status}.label`)}
            </option>
          ))}
        </select>
      </div>
      <div className={`${field} min-w-48 flex-1`}>
        <label htmlFor="filter-text">{t("recipientOrText")}</label>
        <input type="search" id="filter-text" name="text" defaultValue={filters.text ?? ""} maxLength={160} placeholder={t("recipientPlaceholder")} className={control} />
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
  );
}
