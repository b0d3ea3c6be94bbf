import "server-only";
import { formatDateTime, formatInteger } from "@/lib/i18n/format";
import { formatMoney } from "@/lib/i18n/format-money";
import { getServerLocale, getServerTranslations } from "@/lib/i18n/server-translations";
import type { SpendExcess, SpendStatus } from "./spend-math";

/**
 * The lines the send pages show next to the cost estimate, finished on the
 * server (the bulk review reaches the browser as JSON). Reset times are in the
 * workspace's zone, named, since its midnight is what resets them.
 */
export async function describeAllowance(status: SpendStatus, currency: string | null): Promise<string[]> {
  const [t, locale] = await Promise.all([getServerTranslations("spending"), getServerLocale()]);
  const at = (iso: string) => formatDateTime(iso, { locale, timeZone: status.timeZone });
  const money = (value: string) => formatMoney(value, { locale, ...(currency && { currency }) });
  const { limits, allowance } = status;
  return [
    limits.monthlyBudget !== null && allowance.budgetLeft !== null
      ? t("allowance.budgetLeft", { left: money(allowance.budgetLeft), budget: money(limits.monthlyBudget), resetsAt: at(status.monthResetsAt), timeZone: status.timeZone })
      : t("allowance.noBudget"),
    limits.dailyCap !== null && allowance.capLeft !== null
      ? t("allowance.capLeft", { left: formatInteger(allowance.capLeft, locale), cap: formatInteger(limits.dailyCap, locale), resetsAt: at(status.dayResetsAt), timeZone: status.timeZone })
      : t("allowance.noCap"),
  ];
}

/** The approval notice; beyond the member's limits it says an approver must accept going beyond them. */
export async function describeApprovalNotice(overLimit = false): Promise<string> {
  return (await getServerTranslations("spending"))(overLimit ? "allowance.approvalOverLimitNotice" : "allowance.approvalNotice");
}

/** How far a campaign goes beyond the member's cap and budget, one sentence per limit (the review and /send/approvals). */
export async function describeExcess(excess: SpendExcess, currency: string, whose: "yours" | "requester's" = "yours"): Promise<string[]> {
  const [t, locale] = await Promise.all([getServerTranslations("spending"), getServerLocale()]);
  const yours = whose === "yours";
  const lines: string[] = [];
  if (excess.overCapBy !== null) lines.push(t(yours ? "overLimit.yourCap" : "overLimit.requesterCap", { over: excess.overCapBy }));
  if (excess.overBudgetBy !== null) {
    const over = formatMoney(excess.overBudgetBy, { locale, currency });
    lines.push(t(yours ? "overLimit.yourBudget" : "overLimit.requesterBudget", { over }));
  }
  return lines;
}

