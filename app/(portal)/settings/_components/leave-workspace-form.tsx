"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { WorkspaceFormGuard } from "@/components/forms/workspace-form-guard";
import { INITIAL_ACTION_STATE } from "@/lib/actions/action-state";
import { leaveWorkspaceAction } from "../members/actions";

export function LeaveWorkspaceForm({ workspaceId, workspaceName }: { workspaceId: string; workspaceName: string }) {
  const t = useTranslations("team");
  const [state, action] = useActionState(leaveWorkspaceAction, INITIAL_ACTION_STATE);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(t("confirmLeave", { workspace: workspaceName }))) event.preventDefault();
      }}
      className="space-y-3"
    >
      <WorkspaceFormGuard workspaceId={workspaceId} />
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingLabel={t("leaving")}>
        {t("leave")}
      </SubmitButton>
    </form>
  );
}
