"use client";

import { useTranslations } from "next-intl";
import { AutoSubmitSelect } from "@/components/forms/auto-submit-select";
import { switchWorkspaceAction } from "../workspace-actions";

type WorkspaceOption = { id: string; name: string };

export function WorkspaceSwitcher({ workspaces, currentId }: { workspaces: WorkspaceOption[]; currentId: string }) {
  const t = useTranslations("nav");
  return (
    <AutoSubmitSelect
      id="workspace-switcher"
      label={t("workspace")}
      name="workspaceId"
      value={currentId}
      options={workspaces.map((workspace) => ({ value: workspace.id, label: workspace.name }))}
      action={switchWorkspaceAction}
    />
  );
}
