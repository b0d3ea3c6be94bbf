"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { AutoSubmitSelect } from "@/components/forms/auto-submit-select";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { WorkspaceFormGuard } from "@/components/forms/workspace-form-guard";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/actions/action-state";
import type { Role } from "@/lib/workspaces/roles";
import {
  changeMemberRoleAction,
  removeMemberAction,
  resendInviteAction,
  revokeInviteAction,
  transferOwnershipAction,
} from "../actions";
import { ShareLink } from "./share-link";

type ServerAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

// The email after a button's visible word is for screen readers only, so each row's buttons have distinct names.
const hidden = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;

export function RoleSelect(props: { workspaceId: string; membershipId: string; email: string; role: Role; choices: Role[] }) {
  const t = useTranslations("team");
  const tc = useTranslations("common");
  return (
    <AutoSubmitSelect
      id={`role-${props.membershipId}`}
      label={t("roleFor", { email: props.email })}
      name="role"
      value={props.role}
      options={props.choices.map((role) => ({ value: role, label: tc(`roles.${role}`) }))}
      action={changeMemberRoleAction}
    >
      <WorkspaceFormGuard workspaceId={props.workspaceId} />
      <input type="hidden" name="membershipId" value={props.membershipId} />
    </AutoSubmitSelect>
  );
}

/** A one-button form for a row, optionally confirmed first. */
function RowButton(props: {
  action: ServerAction;
  workspaceId: string;
  field: "membershipId" | "inviteId";
  id: string;
  label: React.ReactNode;
  pendingLabel: string;
  confirm?: string;
  variant?: "danger" | "secondary";
}) {
  const [state, action] = useActionState(props.action, INITIAL_ACTION_STATE);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (props.confirm && !window.confirm(props.confirm)) event.preventDefault();
      }}
      className="space-y-2"
    >
      <WorkspaceFormGuard workspaceId={props.workspaceId} />
      <input type="hidden" name={props.field} value={props.id} />
      <SubmitButton variant={props.variant ?? "secondary"} pendingLabel={props.pendingLabel}>
        {props.label}
      </SubmitButton>
      {!state.ok && <FormMessage state={state} />}
      {state.ok && state.shareLink ? (
        <>
          <FormMessage state={state} />
          <ShareLink url={state.shareLink} />
        </>
      ) : null}
    </form>
  );
}

export function RemoveMemberButton({ workspaceId, membershipId, email }: { workspaceId: string; membershipId: string; email: string }) {
  const t = useTranslations("team");
  return (
    <RowButton
      action={removeMemberAction}
      workspaceId={workspaceId}
      field="membershipId"
      id={membershipId}
      label={t.rich("remove", { email, hidden })}
      pendingLabel={t("removing")}
      confirm={t("confirmRemove", { email })}
      variant="danger"
    />
  );
}

export function TransferOwnershipButton({ workspaceId, membershipId, email }: { workspaceId: string; membershipId: string; email: string }) {
  const t = useTranslations("team");
  return (
    <RowButton
      action={transferOwnershipAction}
      workspaceId={workspaceId}
      field="membershipId"
      id={membershipId}
      label={t.rich("makeOwner", { email, hidden })}
      pendingLabel={t("transferring")}
      confirm={t("confirmTransfer", { email })}
    />
  );
}

export function ResendInviteButton({ workspaceId, inviteId, email }: { workspaceId: string; inviteId: string; email: string }) {
  const t = useTranslations("team");
  return (
    <RowButton
      action={resendInviteAction}
      workspaceId={workspaceId}
      field="inviteId"
      id={inviteId}
      label={t.rich("resend", { email, hidden })}
      pendingLabel={t("sending")}
    />
  );
}

export function RevokeInviteButton({ workspaceId, inviteId, email }: { workspaceId: string; inviteId: string; email: string }) {
  const t = useTranslations("team");
  return (
    <RowButton
      action={revokeInviteAction}
      workspaceId={workspaceId}
      field="inviteId"
      id={inviteId}
      label={t.rich("revoke", { email, hidden })}
      pendingLabel={t("revoking")}
      confirm={t("confirmRevoke", { email })}
      variant="danger"
    />
  );
}
