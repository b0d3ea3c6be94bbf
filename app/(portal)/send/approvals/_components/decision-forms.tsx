"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { WorkspaceFormGuard } from "@/components/forms/workspace-form-guard";
import { INITIAL_ACTION_STATE } from "@/lib/actions/action-state";
import { approveCampaignAction, rejectCampaignAction } from "../actions";

/**
 * Approve, or reject with a reason, one campaign awaiting approval. A campaign
 * beyond its requester's limit is approved only with the override box ticked
 * (the server checks it too).
 */
export function DecisionForms({ workspaceId, campaignId, overLimit }: { workspaceId: string; campaignId: string; overLimit: boolean }) {
  const t = useTranslations("spending.approvals");
  const tl = useTranslations("spending.overLimit");
  const [approved, approve] = useActionState(approveCampaignAction, INITIAL_ACTION_STATE);
  const [rejected, reject] = useActionState(rejectCampaignAction, INITIAL_ACTION_STATE);
  const reasonId = `reason-${campaignId}`;
  const reasonError = rejected.fieldErrors?.reason;
  const overrideId = `override-${campaignId}`;
  const overrideError = approved.fieldErrors?.overrideLimit;
  return (
    <div className="space-y-3">
      <form action={approve}>
        <WorkspaceFormGuard workspaceId={workspaceId} />
        <input type="hidden" name="campaignId" value={campaignId} />
        {overLimit && (
          <div className="mb-2 w-64">
            <label className="flex items-start gap-2 text-sm text-amber-900">
              <input
                type="checkbox"
                name="overrideLimit"
                value="yes"
                required
                aria-invalid={overrideError ? true : undefined}
                aria-describedby={overrideError ? `${overrideId}-error` : undefined}
                className="mt-1"
              />
              <span>{tl("acknowledge")}</span>
            </label>
            {overrideError && (
              <p id={`${overrideId}-error`} className="text-sm text-red-700" aria-live="polite">
                {overrideError.join(" ")}
              </p>
            )}
          </div>
        )}
        <SubmitButton>{t("approve")}</SubmitButton>
      </form>
      <FormMessage state={approved} />
      <form action={reject} className="space-y-2">
        <WorkspaceFormGuard workspaceId={workspaceId} />
        <input type="hidden" name="campaignId" value={campaignId} />
        <label htmlFor={reasonId} className="block text-sm font-medium text-slate-700">
          {t("reason")}
        </label>
        <textarea
          id={reasonId}
          name="reason"
          rows={2}
          maxLength={500}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${reasonId}-error` : undefined}
          className="block w-64 rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        {reasonError && (
          <p id={`${reasonId}-error`} className="text-sm text-red-700" aria-live="polite">
            {reasonError.join(" ")}
          </p>
        )}
        <SubmitButton variant="danger">{t("reject")}</SubmitButton>
      </form>
      <FormMessage state={rejected} />
    </div>
  );
}
