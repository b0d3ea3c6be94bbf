"use client";

import { useActionState, useEffect } from "react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/actions/action-state";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-length";
import { changeNameAction, changePasswordAction, revokeSessionsAction } from "../account-actions";

/** After the server revoked every session, drop this one's cookie too. */
function useSignOutWhenDone(state: ActionState) {
  useEffect(() => {
    if (state.ok) void signOut({ callbackUrl: "/login" });
  }, [state.ok]);
}

export function ChangeNameForm({ name }: { name: string }) {
  const t = useTranslations("settings.profile");
  const [state, action] = useActionState(changeNameAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <Field label={t("name")} name="name" defaultValue={name} required autoComplete="name" errors={state.fieldErrors?.name} />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm() {
  const t = useTranslations("settings.password");
  const [state, action] = useActionState(changePasswordAction, INITIAL_ACTION_STATE);
  useSignOutWhenDone(state);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <Field label={t("current")} name="currentPassword" type="password" autoComplete="current-password" required errors={errors.currentPassword} />
      <Field
        label={t("new")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint={t("newHint", { minimum: MIN_PASSWORD_LENGTH })}
        errors={errors.newPassword}
      />
      <Field label={t("repeat")} name="confirmPassword" type="password" autoComplete="new-password" required errors={errors.confirmPassword} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}

export function RevokeSessionsForm() {
  const t = useTranslations("settings.sessions");
  const [state, action] = useActionState(revokeSessionsAction, INITIAL_ACTION_STATE);
  useSignOutWhenDone(state);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(t("confirm"))) event.preventDefault();
      }}
      className="space-y-3"
    >
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
