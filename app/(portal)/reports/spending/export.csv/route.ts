import { guardWorkspaceRoute } from "@/lib/actions/workspace-route";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { csvFileName, csvHeaders, csvRow, UTF8_BOM } from "@/lib/reports/csv";
import { contextLabels } from "@/lib/spending/context-labels";
import { loadSpendSettings } from "@/lib/spending/load-spend-policy";
import { loadSpendingReport } from "@/lib/spending/load-spending-report";
import { monthIn } from "@/lib/spending/spend-periods";
import { parseSpendingReportFilters } from "@/lib/spending/spending-report-filters";

export const dynamic = "force-dynamic";

const HEADER = ["member_name", "member_email", "context", "context_name", "month", "messages", "cost", "currency", "monthly_budget", "budget_used_percent", "daily_cap", "cap_left_today"];

/** /reports/spending as CSV, same filters; one row per member and context (small: read at once). */
export async function GET(request: Request) {
  const context = await guardWorkspaceRoute("spending.manage");
  if (context instanceof Response) return context;
  const { timeZone } = await loadSpendSettings(context.workspace.id);
  const filters = parseSpendingReportFilters(Object.fromEntries(new URL(request.url).searchParams), monthIn(timeZone));
  const [report, labels] = await Promise.all([loadSpendingReport(context.workspace.id, filters), contextLabels(context, (await getServerTranslations("spending"))("report.personalCredit"))]);
  const body =
    UTF8_BOM +
    csvRow(HEADER) +
    report.rows
      .map((row) =>
        csvRow([
          row.name,
          row.email,
          row.contextKey,
          labels.get(row.contextKey) ?? row.contextKey,
          filters.month,
          row.messages,
          row.cost,
          row.currency,
          row.monthlyBudget,
          row.budgetUsedPercent,
          row.dailyCap,
          row.capLeftToday,
        ]),
      )
      .join("");
  return new Response(body, { headers: csvHeaders(csvFileName("spending", filters.month)) });
}
