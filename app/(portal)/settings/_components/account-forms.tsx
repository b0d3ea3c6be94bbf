"use client";

import { useActionState, useEffect } from "react";
import { signOut } from "next-auth/react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/actions/action-state";
import { changeNameAction, changePasswordAction, revokeSessionsAction } from "../account-actions";

/** After the server revoked every session, drop this one's cookie too. */
function useSignOutWhenDone(state: ActionState) {
  useEffect(() => {
    if (state.ok) void signOut({ callbackUrl: "/login" });
  }, [state.ok]);
}

export function ChangeNameForm({ name }: { name: string }) {
  const [state, action] = useActionState(changeNameAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <Field label="Name" name="name" defaultValue={name} required autoComplete="name" errors={state.fieldErrors?.name} />
      <SubmitButton pendingLabel="Saving…">Save name</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, INITIAL_ACTION_STATE);
  useSignOutWhenDone(state);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={errors.currentPassword} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required hint="At least 10 characters." errors={errors.newPassword} />
      <Field label="Repeat new password" name="confirmPassword" type="password" autoComplete="new-password" required errors={errors.confirmPassword} />
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </form>
  );
}

export function RevokeSessionsForm() {
  const [state, action] = useActionState(revokeSessionsAction, INITIAL_ACTION_STATE);
  useSignOutWhenDone(state);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm("Log out of every browser and device, including this one?")) event.preventDefault();
      }}
      className="space-y-3"
    >
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingLabel="Logging out…">
        Log out everywhere
      </SubmitButton>
    </form>
  );
}
