const LABELS: Record<string, { label: string; className: string }> = {
  draft: { label: "Draft", className: "bg-slate-100 text-slate-700" },
  scheduled: { label: "Scheduled", className: "bg-blue-50 text-blue-800" },
  running: { label: "Sending", className: "bg-amber-50 text-amber-900" },
  stopped: { label: "Stopped", className: "bg-red-50 text-red-800" },
  completed: { label: "Completed", className: "bg-green-50 text-green-800" },
  cancelled: { label: "Cancelled", className: "bg-slate-100 text-slate-600" },
};

export function CampaignStateBadge({ state }: { state: string }) {
  const { label, className } = LABELS[state] ?? { label: state, className: "bg-slate-100" };
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${className}`} data-testid="campaign-state">{label}</span>;
}
