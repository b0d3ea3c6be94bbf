"use client";

import { useActionState, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { signIn, signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/actions/action-state";
import { acceptInviteAction, resendVerificationAction, signUpWithInviteAction } from "./actions";

/** Sign up with the invited email (fixed), then log in and land in the workspace. */
export function InviteSignUpForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("invite");
  const router = useRouter();
  const [state, setState] = useState<ActionState>(INITIAL_ACTION_STATE);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await signUpWithInviteAction(INITIAL_ACTION_STATE, form);
      setState(result);
      if (!result.ok) return;
      const login = await signIn("credentials", { email, password: String(form.get("password")), redirect: false });
      if (login?.ok && !login.error) {
        router.replace("/dashboard");
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
      <input type="hidden" name="token" value={token} />
      <Field label={t("email")} name="email" type="email" value={email} readOnly aria-readonly="true" hint={t("emailHint")} className="[&_input]:bg-slate-50" />
      <Field label={t("name")} name="name" autoComplete="name" required errors={errors.name} />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint={t("passwordHint")}
        errors={errors.password}
      />
      <SubmitButton pending={pending} pendingLabel={t("joining")}>
        {t("createAndJoin")}
      </SubmitButton>
    </form>
  );
}

export function AcceptInviteForm({ token }: { token: string }) {
  const t = useTranslations("invite");
  const [state, action] = useActionState(acceptInviteAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="mt-6 space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel={t("joining")}>{t("accept")}</SubmitButton>
    </form>
  );
}

export function ResendVerificationForm() {
  const t = useTranslations("invite");
  const [state, action] = useActionState(resendVerificationAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="mt-6 space-y-4">
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingLabel={t("sending")}>
        {t("resendConfirmation")}
      </SubmitButton>
    </form>
  );
}

export function LogOutAndContinueButton({ token }: { token: string }) {
  const t = useTranslations("invite");
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: `/invite/${token}` })}
      className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
    >
      {t("logOutAndContinue")}
    </button>
  );
}
