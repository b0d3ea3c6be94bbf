import { getTranslations } from "next-intl/server";

// Labels live in sending.states.<state>.
const STYLES = {
  draft: "bg-slate-100 text-slate-700",
  scheduled: "bg-blue-50 text-blue-800",
  running: "bg-amber-50 text-amber-900",
  stopped: "bg-red-50 text-red-800",
  completed: "bg-green-50 text-green-800",
  cancelled: "bg-slate-100 text-slate-600",
} as const;

export async function CampaignStateBadge({ state }: { state: string }) {
  const t = await getTranslations("sending.states");
  const known = state in STYLES ? (state as keyof typeof STYLES) : null;
  const label = known ? t(known) : state;
  const className = known ? STYLES[known] : "bg-slate-100";
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${className}`} data-testid="campaign-state">{label}</span>;
}
