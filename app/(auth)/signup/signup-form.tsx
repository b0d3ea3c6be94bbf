"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/actions/action-state";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-length";
import { signUp } from "./actions";

export function SignUpForm() {
  const t = useTranslations("auth.signup");
  const router = useRouter();
  const [state, setState] = useState<ActionState>(INITIAL_ACTION_STATE);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await signUp(INITIAL_ACTION_STATE, form);
      setState(result);
      if (!result.ok) return;
      const login = await signIn("credentials", {
        email: String(form.get("email")),
        password: String(form.get("password")),
        redirect: false,
      });
      if (login?.ok && !login.error) {
        router.replace("/settings/api-key?welcome=1");
        router.refresh();
      } else {
        setState({ ok: false, message: t("loginFailed") });
      }
    });
  }

  const errors = state.fieldErrors ?? {};
  return (
    <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label={t("name")} name="name" autoComplete="name" required errors={errors.name} />
      <Field label={t("email")} name="email" type="email" autoComplete="email" required errors={errors.email} />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={t("passwordHint", { minimum: MIN_PASSWORD_LENGTH })}
        errors={errors.password}
      />
      <Field
        label={t("workspaceName")}
        name="workspaceName"
        autoComplete="organization"
        required
        hint={t("workspaceNameHint")}
        errors={errors.workspaceName}
      />
      <SubmitButton pending={pending} pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
