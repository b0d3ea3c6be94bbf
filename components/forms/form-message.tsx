"use client";

import { useEffect, useRef } from "react";
import type { ActionState } from "@/lib/actions/action-state";

/**
 * The form-level outcome, announced politely; errors use role=alert. When an
 * answer comes back with errors, focus moves to the form's first invalid field,
 * or to this message when no single field is at fault, so keyboard and
 * screen-reader users land where the problem is instead of on the button.
 */
export function FormMessage({ state }: { state: ActionState }) {
  const box = useRef<HTMLDivElement>(null);
  const shown = useRef(state);
  useEffect(() => {
    if (shown.current === state) return;
    shown.current = state;
    if (state.ok || !(state.message || state.fieldErrors)) return;
    const here = box.current;
    const form = here?.closest("form");
    const active = document.activeElement;
    // Only while the person is still on this form: never pull focus from where they went meanwhile.
    if (!here || (active && active !== document.body && !(form ?? here).contains(active))) return;
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? here).focus();
  }, [state]);

  if (!state.message) return <div ref={box} tabIndex={-1} aria-live="polite" />;
  return (
    <div
      ref={box}
      tabIndex={-1}
      role={state.ok ? "status" : "alert"}
      className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}
    >
      {state.message}
    </div>
  );
}
