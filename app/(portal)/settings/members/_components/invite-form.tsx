"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { WorkspaceFormGuard } from "@/components/forms/workspace-form-guard";
import { INITIAL_ACTION_STATE } from "@/lib/actions/action-state";
import { inviteMemberAction } from "../actions";
import { ShareLink } from "./share-link";

// Sender first: the role most invitations are for.
const ROLE_OPTIONS = ["sender", "viewer", "admin"] as const;

export function InviteForm({ workspaceId }: { workspaceId: string }) {
  const t = useTranslations("team");
  const tc = useTranslations("common");
  const [state, action] = useActionState(inviteMemberAction, INITIAL_ACTION_STATE);
  const form = useRef<HTMLFormElement>(null);
  const roleErrors = state.fieldErrors?.role;
  return (
    <div className="space-y-4">
      <form ref={form} action={action} className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start" noValidate>
        <WorkspaceFormGuard workspaceId={workspaceId} />
        <Field label={t("email")} name="email" type="email" autoComplete="off" required errors={state.fieldErrors?.email} />
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium text-slate-700">
            {t("role")}
          </label>
          <select
            id="invite-role"
            name="role"
            defaultValue="sender"
            aria-invalid={roleErrors?.length ? true : undefined}
            aria-describedby={roleErrors?.length ? "invite-role-error" : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2"
          >
            {ROLE_OPTIONS.map((role) => (
              <option key={role} value={role}>
                {tc(`roles.${role}`)}
              </option>
            ))}
          </select>
          {roleErrors?.length ? (
            <p id="invite-role-error" className="mt-1 text-sm text-red-700" aria-live="polite">
              {roleErrors.join(" ")}
            </p>
          ) : null}
        </div>
        <div className="sm:pt-6">
          <SubmitButton pendingLabel={t("inviting")}>{t("invite")}</SubmitButton>
        </div>
      </form>
      <FormMessage state={state} />
      {state.ok && state.shareLink && <ShareLink url={state.shareLink} />}
    </div>
  );
}
