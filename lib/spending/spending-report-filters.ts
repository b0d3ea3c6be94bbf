import { MONTH_PATTERN } from "./spend-periods";

/** /reports/spending's URL state: ?month=YYYY-MM&context=all|personal|<organization id>. Anything invalid falls back. */
export type SpendingReportFilters = { month: string; context: string };

export function parseSpendingReportFilters(search: Record<string, string | string[] | undefined>, currentMonth: string): SpendingReportFilters {
  const pick = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
  const month = pick(search.month);
  const context = pick(search.context);
  return {
    month: month && MONTH_PATTERN.test(month) ? month : currentMonth,
    context: context && /^[A-Za-z0-9_-]{1,100}$/.test(context) ? context : "all",
  };
}

export function spendingReportQuery(filters: SpendingReportFilters): string {
  return new URLSearchParams({ month: filters.month, context: filters.context }).toString();
}
