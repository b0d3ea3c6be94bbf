import { getTranslations } from "next-intl/server";
import type { Sending } from "@/lib/yazsana";
import type { SenderLabel } from "@/lib/reports/find-senders";
import { formatDecimal } from "@/lib/money/format-decimal";
import { viewerFormat } from "@/lib/reports/viewer-time-zone";
import { SenderName } from "../../_components/sender-name";
import { StatusBar, StatusLegend } from "../../_components/status-bar";
import { ZonedTime } from "../../_components/time-cell";


/** The sending's stats as Yazsana counts them, with the same status bar as the list. */
export async function SendingSummary({ sending, sender }: { sending: Sending | null; sender: SenderLabel | undefined }) {
  const [t, preferences] = await Promise.all([getTranslations("reports"), viewerFormat()]);
  if (!sending) return <p className="rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-600">{t("statsMissing")}</p>;
  const source = sending.source === "api" ? t("sourceApi") : sending.source === "panel" ? t("sourcePanelLong") : (sending.source ?? "—");
  const { stats } = sending;
  // The test ids stay English whatever the language, so tests and tools can find each fact.
  const facts: Array<[string, string, React.ReactNode]> = [
    ["created", t("facts.created"), <ZonedTime key="created" iso={sending.createdAt} preferences={preferences} />],
    ["source", t("facts.source"), source],
    ["sent-by", t("facts.sentBy"), <SenderName key="sender" sender={sender} t={t} />],
    ["recipients", t("facts.recipients"), t("recipientsValue", { valid: stats.validSize, invalid: stats.invalidSize })],
    ["total-cost", t("facts.totalCost"), <span key="cost" className="font-mono">{formatDecimal(stats.totalCost)}</span>],
    ["refunded", t("facts.refunded"), <span key="refunded" className="font-mono">{formatDecimal(stats.totalRefunded)}</span>],
    ["completed", t("facts.completed"), sending.completed ? t("yes") : t("no")],
  ];
  return (
    <section aria-labelledby="stats-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="stats-heading" className="sr-only">{t("statistics")}</h2>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-4">
        {facts.map(([id, label, value]) => (
          <div key={id}>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="mt-0.5 text-slate-900" data-testid={`stat-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <StatusBar stats={stats} t={t} size="large" />
      <StatusLegend stats={stats} t={t} />
    </section>
  );
}
