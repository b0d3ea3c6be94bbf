"use client";

import { useActionState } from "react";
import { AutoSubmitSelect } from "@/components/forms/auto-submit-select";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { WorkspaceFormGuard } from "@/components/forms/workspace-form-guard";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/actions/action-state";
import { ROLE_LABELS, type Role } from "@/lib/workspaces/roles";
import {
  changeMemberRoleAction,
  removeMemberAction,
  resendInviteAction,
  revokeInviteAction,
  transferOwnershipAction,
} from "../actions";
import { ShareLink } from "./share-link";

type ServerAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function RoleSelect(props: { workspaceId: string; membershipId: string; email: string; role: Role; choices: Role[] }) {
  return (
    <AutoSubmitSelect
      id={`role-${props.membershipId}`}
      label={`Role for ${props.email}`}
      name="role"
      value={props.role}
      options={props.choices.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
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
  return (
    <RowButton
      action={removeMemberAction}
      workspaceId={workspaceId}
      field="membershipId"
      id={membershipId}
      label={<>Remove<span className="sr-only"> {email}</span></>}
      pendingLabel="Removing…"
      confirm={`Remove ${email} from this workspace? They lose access on their next click.`}
      variant="danger"
    />
  );
}

export function TransferOwnershipButton({ workspaceId, membershipId, email }: { workspaceId: string; membershipId: string; email: string }) {
  return (
    <RowButton
      action={transferOwnershipAction}
      workspaceId={workspaceId}
      field="membershipId"
      id={membershipId}
      label={<>Make owner<span className="sr-only">: {email}</span></>}
      pendingLabel="Transferring…"
      confirm={`Make ${email} the owner? You become an admin and can no longer manage owners.`}
    />
  );
}

export function ResendInviteButton({ workspaceId, inviteId, email }: { workspaceId: string; inviteId: string; email: string }) {
  return (
    <RowButton
      action={resendInviteAction}
      workspaceId={workspaceId}
      field="inviteId"
      id={inviteId}
      label={<>Re-send<span className="sr-only"> to {email}</span></>}
      pendingLabel="Sending…"
    />
  );
}

export function RevokeInviteButton({ workspaceId, inviteId, email }: { workspaceId: string; inviteId: string; email: string }) {
  return (
    <RowButton
      action={revokeInviteAction}
      workspaceId={workspaceId}
      field="inviteId"
      id={inviteId}
      label={<>Revoke<span className="sr-only"> invitation for {email}</span></>}
      pendingLabel="Revoking…"
      confirm={`Revoke the invitation for ${email}? Its link stops working.`}
      variant="danger"
    />
  );
}
