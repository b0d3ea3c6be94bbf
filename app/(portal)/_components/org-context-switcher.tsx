"use client";

import { useActionState, useRef } from "react";
import { WorkspaceFormGuard } from "@/components/forms/workspace-form-guard";
import { INITIAL_ACTION_STATE } from "@/lib/actions/action-state";
import { chooseOrgContextAction } from "../org-context-actions";

export type ContextOption = { value: string; label: string; disabled: boolean };

/** Picks the Yazsana context every upstream call of this member runs in. */
export function OrgContextSwitcher({ options, current, workspaceId }: { options: ContextOption[]; current: string; workspaceId: string }) {
  const [state, action, pending] = useActionState(chooseOrgContextAction, INITIAL_ACTION_STATE);
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={action} className="flex items-center gap-2">
      <WorkspaceFormGuard workspaceId={workspaceId} />
      <label htmlFor="org-context" className="text-xs font-medium uppercase tracking-wide text-slate-500">
        Context
      </label>
      <select
        id="org-context"
        name="organizationId"
        defaultValue={current}
        key={current}
        disabled={pending}
        onChange={() => form.current?.requestSubmit()}
        className="max-w-56 rounded-md border border-slate-300 bg-white py-1 pl-2 pr-8 text-sm"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit">Use</button>
      </noscript>
      {state.message && (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
