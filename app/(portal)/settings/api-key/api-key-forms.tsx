"use client";

import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { WorkspaceFormGuard } from "@/components/forms/workspace-form-guard";
import { INITIAL_ACTION_STATE } from "@/lib/actions/action-state";
import { removeApiKeyAction, saveApiKeyAction } from "./actions";

export function SaveApiKeyForm({ hasKey, workspaceId }: { hasKey: boolean; workspaceId: string }) {
  const [state, action] = useActionState(saveApiKeyAction, INITIAL_ACTION_STATE);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (hasKey && !window.confirm("Replace the stored key? Everyone in this workspace will use the new one from now on.")) {
          event.preventDefault();
        }
      }}
      className="space-y-4"
      // The key must not linger in a browser's form history.
      autoComplete="off"
    >
      <WorkspaceFormGuard workspaceId={workspaceId} />
      <FormMessage state={state} />
      <Field
        label="Yazsana API key"
        name="apiKey"
        type="password"
        autoComplete="off"
        spellCheck={false}
        required
        hint="We check it with Yazsana before saving, then keep it encrypted on the server. Nobody can read it back — not even you."
        errors={state.fieldErrors?.apiKey}
      />
      <SubmitButton pendingLabel="Verifying with Yazsana…">{hasKey ? "Verify and replace key" : "Verify and save key"}</SubmitButton>
    </form>
  );
}

export function RemoveApiKeyForm({ workspaceId }: { workspaceId: string }) {
  const [state, action] = useActionState(removeApiKeyAction, INITIAL_ACTION_STATE);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm("Remove the API key? Nobody in this workspace can send or read reports until a new key is saved.")) {
          event.preventDefault();
        }
      }}
      className="space-y-3"
    >
      <WorkspaceFormGuard workspaceId={workspaceId} />
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingLabel="Removing…">
        Remove key
      </SubmitButton>
    </form>
  );
}
