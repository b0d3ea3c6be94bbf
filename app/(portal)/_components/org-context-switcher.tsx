"use client";

import { useTranslations } from "next-intl";
import { AutoSubmitSelect, type SelectOption } from "@/components/forms/auto-submit-select";
import { WorkspaceFormGuard } from "@/components/forms/workspace-form-guard";
import { chooseOrgContextAction } from "../org-context-actions";

/** Picks the Yazsana context every upstream call of this member runs in. */
export function OrgContextSwitcher({ options, current, workspaceId }: { options: SelectOption[]; current: string; workspaceId: string }) {
  const t = useTranslations("nav");
  return (
    <AutoSubmitSelect id="org-context" label={t("context")} name="organizationId" value={current} options={options} action={chooseOrgContextAction}>
      <WorkspaceFormGuard workspaceId={workspaceId} />
    </AutoSubmitSelect>
  );
}
