import type { AppTranslator } from "@/lib/i18n/translator";
import { statusBreakdown, type StatusCounts, type StatusPart } from "@/lib/reports/status-breakdown";

/**
 * Okabe–Ito colours (distinguishable with the common colour-vision
 * deficiencies) plus a pattern on the two failure parts, so the bar never
 * relies on hue alone. The numbers are always in text too.
 */
const PART_STYLE: Record<StatusPart["key"], React.CSSProperties> = {
  pending: { backgroundColor: "#BBBBBB" },
  waiting: { backgroundColor: "#E69F00" },
  completed: { backgroundColor: "#0072B2" },
  failed: {
    backgroundColor: "#D55E00",
    backgroundImage: "repeating-linear-gradient(45deg, transparent 0 3px, rgba(255,255,255,0.55) 3px 5px)",
  },
  refunded: {
    backgroundColor: "#CC79A7",
    backgroundImage: "repeating-linear-gradient(-45deg, transparent 0 3px, rgba(255,255,255,0.55) 3px 5px)",
  },
};

function statusSummary(stats: StatusCounts, t: AppTranslator<"reports">): string {
  return t("statusSummary", {
    pending: stats.nOfPending,
    waiting: stats.nOfWaiting,
    completed: stats.nOfCompleted,
    failed: stats.nOfFailed,
    refunded: stats.nOfRefunded,
  });
}

/** Plain, not async: a list renders one per row, and each awaited component costs the page a streamed chunk. */
export function StatusBar({ stats, t, size = "compact" }: { stats: StatusCounts; t: AppTranslator<"reports">; size?: "compact" | "large" }) {
  const { parts } = statusBreakdown(stats);
  const summary = statusSummary(stats, t);
  const height = size === "large" ? "h-4" : "h-2.5";
  return (
    <div className={size === "large" ? "w-full" : "w-36"} title={summary}>
      <div aria-hidden className={`flex ${height} w-full overflow-hidden rounded-full bg-slate-100`}>
        {parts
          .filter((part) => part.count > 0)
          .map((part) => (
            <span key={part.key} title={`${t(`statusParts.${part.key}`)}: ${part.count}`} style={{ ...PART_STYLE[part.key], width: `${(part.share * 100).toFixed(2)}%` }} />
          ))}
      </div>
      <span className="sr-only" data-testid="status-summary">{summary}</span>
    </div>
  );
}

export function StatusLegend({ stats, t }: { stats: StatusCounts; t: AppTranslator<"reports"> }) {
  const { parts } = statusBreakdown(stats);
  const shown = parts.map((part) => (part.key === "failed" ? { ...part, count: stats.nOfFailed } : part.key === "refunded" ? { ...part, count: stats.nOfRefunded } : part));
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-label={t("messageStatuses")}>
      {shown.map((part) => (
        <li key={part.key} className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-3 w-3 rounded-sm" style={PART_STYLE[part.key]} />
          {t(`statusParts.${part.key}`)}: <span className="font-medium tabular-nums">{part.count}</span>
        </li>
      ))}
    </ul>
  );
}
