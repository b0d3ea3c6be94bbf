"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { WorkspaceFormGuard } from "@/components/forms/workspace-form-guard";
import { INITIAL_ACTION_STATE } from "@/lib/actions/action-state";
import { removeApiKeyAction, saveApiKeyAction } from "./actions";

export function SaveApiKeyForm({ hasKey, workspaceId }: { hasKey: boolean; workspaceId: string }) {
  const t = useTranslations("apiKey");
  const [state, action] = useActionState(saveApiKeyAction, INITIAL_ACTION_STATE);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (hasKey && !window.confirm(t("confirmReplace"))) event.preventDefault();
      }}
      className="space-y-4"
      // The key must not linger in a browser's form history.
      autoComplete="off"
    >
      <WorkspaceFormGuard workspaceId={workspaceId} />
      <FormMessage state={state} />
      <Field
        label={t("field")}
        name="apiKey"
        type="password"
        autoComplete="off"
        spellCheck={false}
        required
        hint={t("fieldHint")}
        errors={state.fieldErrors?.apiKey}
      />
      <SubmitButton pendingLabel={t("verifying")}>{hasKey ? t("replace") : t("save")}</SubmitButton>
    </form>
  );
}

export function RemoveApiKeyForm({ workspaceId }: { workspaceId: string }) {
  const t = useTranslations("apiKey");
  const [state, action] = useActionState(removeApiKeyAction, INITIAL_ACTION_STATE);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(t("confirmRemove"))) event.preventDefault();
      }}
      className="space-y-3"
    >
      <WorkspaceFormGuard workspaceId={workspaceId} />
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingLabel={t("removing")}>
        {t("remove")}
      </SubmitButton>
    </form>
  );
}
