import "server-only";
import { formatDateTime, formatInteger } from "@/lib/i18n/format";
import { formatMoney } from "@/lib/i18n/format-money";
import { getServerLocale, getServerTranslations } from "@/lib/i18n/server-translations";
import type { SpendRefusal as Refusal } from "./reserve-spend";

/**
 * What is left and when it resets, in the reader's language. The reset time
 * is shown in the workspace's zone and named, since that zone's midnight is
 * what resets it.
 */
export async function describeSpendRefusal(refusal: Refusal, request: { cost: string; currency: string }): Promise<string> {
  const [t, locale] = await Promise.all([getServerTranslations("spending"), getServerLocale()]);
  const when = { locale, timeZone: refusal.timeZone };
  if (refusal.reason === "cap") {
    return t("refusal.cap", {
      left: refusal.capLeft,
      cap: formatInteger(refusal.dailyCap, locale),
      resetsAt: formatDateTime(refusal.periods.dayEnd, when),
      timeZone: refusal.timeZone,
    });
  }
  return t("refusal.budget", {
    left: formatMoney(refusal.budgetLeft, { locale, currency: request.currency }),
    budget: formatMoney(refusal.monthlyBudget, { locale, currency: request.currency }),
    cost: formatMoney(request.cost, { locale, currency: request.currency }),
    resetsAt: formatDateTime(refusal.periods.monthEnd, when),
    timeZone: refusal.timeZone,
  });
}
