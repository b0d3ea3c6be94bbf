"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { WorkspaceFormGuard } from "@/components/forms/workspace-form-guard";
import { INITIAL_ACTION_STATE } from "@/lib/actions/action-state";
import { cancelCampaignAction, resumeCampaignAction } from "../actions";

type Props = { workspaceId: string; campaignId: string };

export function CancelCampaignButton({ workspaceId, campaignId }: Props) {
  const t = useTranslations("sending.campaign");
  const [state, action] = useActionState(cancelCampaignAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="space-y-2">
      <WorkspaceFormGuard workspaceId={workspaceId} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingLabel={t("cancelling")}>
        {t("cancel")}
      </SubmitButton>
    </form>
  );
}

export function ResumeCampaignButton({ workspaceId, campaignId, resendUnknown, label }: Props & { resendUnknown?: boolean; label: string }) {
  const t = useTranslations("sending.campaign");
  const [state, action] = useActionState(resumeCampaignAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="space-y-2">
      <WorkspaceFormGuard workspaceId={workspaceId} />
      <input type="hidden" name="campaignId" value={campaignId} />
      {resendUnknown && <input type="hidden" name="resendUnknown" value="yes" />}
      <FormMessage state={state} />
      <SubmitButton variant={resendUnknown ? "secondary" : "primary"} pendingLabel={t("resuming")}>
        {label}
      </SubmitButton>
    </form>
  );
}
