import type { Sending } from "@/lib/yazsana";
import { senderText, type SenderLabel } from "@/lib/reports/find-senders";
import { formatDecimal } from "@/lib/money/format-decimal";
import { StatusBar, StatusLegend } from "../../_components/status-bar";
import { ZonedTime } from "../../_components/time-cell";

const SOURCE_LABELS: Record<string, string> = { api: "API", panel: "Yazsana panel" };

/** The sending's stats as Yazsana counts them, with the same status bar as the list. */
export function SendingSummary({ sending, sender }: { sending: Sending | null; sender: SenderLabel | undefined }) {
  if (!sending) {
    return (
      <p className="rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-600">
        Yazsana did not list this sending&apos;s totals among the recent sendings, so only its messages are shown.
      </p>
    );
  }
  const { stats } = sending;
  const facts: Array<[string, React.ReactNode]> = [
    ["Created", <ZonedTime key="created" iso={sending.createdAt} />],
    ["Source", sending.source ? (SOURCE_LABELS[sending.source] ?? sending.source) : "—"],
    ["Sent by", senderText(sender)],
    ["Recipients", `${stats.validSize} valid, ${stats.invalidSize} invalid`],
    ["Total cost", <span key="cost" className="font-mono">{formatDecimal(stats.totalCost)}</span>],
    ["Refunded", <span key="refunded" className="font-mono">{formatDecimal(stats.totalRefunded)}</span>],
    ["Completed", sending.completed ? "Yes" : "No"],
  ];
  return (
    <section aria-labelledby="stats-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="stats-heading" className="sr-only">Statistics</h2>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="mt-0.5 text-slate-900" data-testid={`stat-${label.toLowerCase().replace(/\s+/g, "-")}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <StatusBar stats={stats} size="large" />
      <StatusLegend stats={stats} />
    </section>
  );
}
