"use client";

import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { WorkspaceFormGuard } from "@/components/forms/workspace-form-guard";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/actions/action-state";

export type SpendField = { name: string; label: string; defaultValue: string; inputMode?: "decimal" | "numeric" | "text"; placeholder?: string; hint?: string };

/** One row of /settings/spending: a few inputs and a button, with field errors next to the fields. */
export function SpendForm(props: {
  id: string;
  workspaceId: string;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  hidden?: Record<string, string>;
  fields: SpendField[];
  submitLabel: string;
}) {
  const [state, action] = useActionState(props.action, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="space-y-3">
      <WorkspaceFormGuard workspaceId={props.workspaceId} />
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-wrap items-end gap-4">
        {props.fields.map((field) => (
          <Field
            key={field.name}
            id={`${props.id}-${field.name}`}
            className="w-56"
            label={field.label}
            name={field.name}
            defaultValue={field.defaultValue}
            inputMode={field.inputMode}
            placeholder={field.placeholder}
            hint={field.hint}
            autoComplete="off"
            errors={state.fieldErrors?.[field.name]}
          />
        ))}
        <SubmitButton variant="secondary">{props.submitLabel}</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
