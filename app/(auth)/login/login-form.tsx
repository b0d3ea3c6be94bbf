"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import type { ActionState } from "@/lib/actions/action-state";
import { loginErrorMessage } from "@/lib/auth/login-errors";

export function LoginForm({ destination, initialError }: { destination: string; initialError?: string | undefined }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [state, setState] = useState<ActionState>(initialError ? { ok: false, message: loginErrorMessage(initialError, t) } : { ok: false });
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        router.replace(destination);
        router.refresh();
        return;
      }
      setState({ ok: false, message: loginErrorMessage(result?.error, t) });
    });
  }

  return (
    <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label={t("login.email")} name="email" type="email" autoComplete="username" required autoFocus />
      <Field label={t("login.password")} name="password" type="password" autoComplete="current-password" required />
      <SubmitButton pending={pending} pendingLabel={t("login.submitting")}>
        {t("login.submit")}
      </SubmitButton>
    </form>
  );
}
