import "server-only";
import { formatDateTime, formatInteger, formatMoney } from "@/lib/i18n/format";
import { getServerLocale, getServerTranslations } from "@/lib/i18n/server-translations";
import type { SpendStatus } from "./spend-math";

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

export async function describeApprovalNotice(): Promise<string> {
  return (await getServerTranslations("spending"))("allowance.approvalNotice");
}

