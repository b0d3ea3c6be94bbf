import type { ActionState } from "@/lib/actions/action-state";

/** The form-level outcome, announced politely; errors use role=alert. */
export function FormMessage({ state }: { state: ActionState }) {
  if (!state.message) return <div aria-live="polite" />;
  return (
    <div
      role={state.ok ? "status" : "alert"}
      className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}
    >
      {state.message}
    </div>
  );
}
