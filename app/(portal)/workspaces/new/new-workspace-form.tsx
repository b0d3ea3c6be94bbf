"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { INITIAL_ACTION_STATE } from "@/lib/actions/action-state";
import { createWorkspaceAction } from "../../workspace-actions";

export function NewWorkspaceForm() {
  const t = useTranslations("workspaces.new");
  const [state, action] = useActionState(createWorkspaceAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="mt-6 space-y-4">
      <FormMessage state={state} />
      <Field label={t("name")} name="name" required autoFocus errors={state.fieldErrors?.name} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
