import { getLocale, getTranslations } from "next-intl/server";
import { formatInteger } from "@/lib/i18n/format";
import { formatMoney } from "@/lib/i18n/format-money";
import type { Locale } from "@/lib/i18n/locales";
import { checkCredit, estimateCost } from "@/lib/sending/estimate-cost";

export type ServiceOption = { id: string; name: string; currency: string; unitPrice: string };

/**
 * Unit price × recipients before anything is spent, against the context's
 * credit. Rendered on the server (the send page renders one per service and
 * the form shows the chosen one), so the browser needs no decimal arithmetic.
 */
export async function CostEstimate({ service, recipients, credit, contextLabel }: { service: ServiceOption; recipients: number; credit: string | null; contextLabel: string }) {
  const t = await getTranslations("sending.cost");
  const locale = (await getLocale()) as Locale;
  const cost = estimateCost(service.unitPrice, recipients);
  const check = checkCredit(credit, cost);
  return (
    <div className="space-y-2 rounded-md bg-slate-50 px-4 py-3 text-sm" data-testid="cost-estimate">
      <p>
        {t("estimate")}{" "}
        <strong className="font-mono">
          {formatMoney(service.unitPrice, { locale })} × {formatInteger(recipients, locale)} = {formatMoney(cost, { locale, currency: service.currency })}
        </strong>{" "}
        {t("chargedTo", { context: contextLabel })}
      </p>
      {check.status === "enough" && <p className="text-slate-600">{t("creditAfter", { amount: formatMoney(check.remainingAfter, { locale }) })}</p>}
      {check.status === "short" && (
        <p role="alert" className="font-medium text-red-800">
          {t("short", { context: contextLabel, amount: formatMoney(check.shortBy, { locale, currency: service.currency }) })}
        </p>
      )}
      {check.status === "unknown" && <p className="text-slate-600">{t("unknown")}</p>}
    </div>
  );
}
