"use client";

import { AutoSubmitSelect } from "@/components/forms/auto-submit-select";
import { switchWorkspaceAction } from "../workspace-actions";

type WorkspaceOption = { id: string; name: string };

export function WorkspaceSwitcher({ workspaces, currentId }: { workspaces: WorkspaceOption[]; currentId: string }) {
  return (
    <AutoSubmitSelect
      id="workspace-switcher"
      label="Workspace"
      name="workspaceId"
      value={currentId}
      options={workspaces.map((workspace) => ({ value: workspace.id, label: workspace.name }))}
      action={switchWorkspaceAction}
    />
  );
}
