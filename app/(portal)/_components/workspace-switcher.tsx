"use client";

import { useActionState, useRef } from "react";
import { INITIAL_ACTION_STATE } from "@/lib/actions/action-state";
import { switchWorkspaceAction } from "../workspace-actions";

type WorkspaceOption = { id: string; name: string };

export function WorkspaceSwitcher({ workspaces, currentId }: { workspaces: WorkspaceOption[]; currentId: string }) {
  const [state, action, pending] = useActionState(switchWorkspaceAction, INITIAL_ACTION_STATE);
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={action} className="flex items-center gap-2">
      <label htmlFor="workspace-switcher" className="text-xs font-medium uppercase tracking-wide text-slate-500">
        Workspace
      </label>
      <select
        id="workspace-switcher"
        name="workspaceId"
        defaultValue={currentId}
        disabled={pending}
        onChange={() => form.current?.requestSubmit()}
        className="rounded-md border border-slate-300 bg-white py-1 pl-2 pr-8 text-sm"
      >
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit">Switch</button>
      </noscript>
      {state.message && (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
