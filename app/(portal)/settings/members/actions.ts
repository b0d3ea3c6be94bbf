"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/define-action";
import { emailField } from "@/lib/auth/schemas";
import { changeMemberRole } from "@/lib/team/change-member-role";
import { createInvite } from "@/lib/team/create-invite";
import { leaveWorkspace, removeMember } from "@/lib/team/remove-member";
import { resendInvite } from "@/lib/team/resend-invite";
import { revokeInvite } from "@/lib/team/revoke-invite";
import { inviteUrl, sendInviteEmail } from "@/lib/team/send-invite-email";
import { readTeamConfig } from "@/lib/team/team-config";
import { deliveryNote, inviteRefusalMessage, memberRefusalMessage } from "@/lib/team/team-messages";
import { INVITABLE_ROLES } from "@/lib/team/team-rules";
import { transferOwnership } from "@/lib/team/transfer-ownership";
import { ROLE_LABELS, type Role } from "@/lib/workspaces/roles";

const MEMBERS_PATH = "/settings/members";
const roleField = z.enum(["owner", "admin", "sender", "viewer"], "Choose a role.");
const inviteId = z.object({ inviteId: z.uuid("Choose an invitation.") });
const membershipId = z.object({ membershipId: z.uuid("Choose a member.") });

export const inviteMemberAction = workspaceAction(
  "inviteMember",
  { input: z.object({ email: emailField, role: z.enum(INVITABLE_ROLES, "Choose Admin, Sender or Viewer.") }), permission: "members.manage" },
  async ({ email, role }, { workspace, user }) => {
    const result = await createInvite({ workspaceId: workspace.id, actorId: user.id, email, role });
    if (!result.ok) {
      const refusal = inviteRefusalMessage(result, readTeamConfig().maxPendingInvites);
      return refusal.field ? { ok: false, fieldErrors: { email: [refusal.message] } } : { ok: false, message: refusal.message };
    }
    const delivery = await sendInviteEmail({ ...result, workspaceName: workspace.name, inviterName: user.name });
    revalidatePath(MEMBERS_PATH);
    return { ok: true, message: `Invited ${email} as ${ROLE_LABELS[role]}. ${deliveryNote(delivery, email)}`, shareLink: inviteUrl(result.token) };
  },
);

export const resendInviteAction = workspaceAction(
  "resendInvite",
  { input: inviteId, permission: "members.manage" },
  async ({ inviteId }, { workspace, user }) => {
    const result = await resendInvite({ workspaceId: workspace.id, actorId: user.id, inviteId });
    if (!result.ok) {
      return result.reason === "daily_limit"
        ? { ok: false, message: inviteRefusalMessage(result, 0).message }
        : { ok: false, message: "That invitation is no longer pending. Reload the page." };
    }
    const delivery = await sendInviteEmail({ ...result, workspaceName: workspace.name, inviterName: user.name });
    revalidatePath(MEMBERS_PATH);
    return { ok: true, message: `New link for ${result.email}; the old one no longer works. ${deliveryNote(delivery, result.email)}`, shareLink: inviteUrl(result.token) };
  },
);

export const revokeInviteAction = workspaceAction(
  "revokeInvite",
  { input: inviteId, permission: "members.manage" },
  async ({ inviteId }, { workspace, user }) => {
    const result = await revokeInvite({ workspaceId: workspace.id, actorId: user.id, inviteId });
    if (!result.ok) return { ok: false, message: "That invitation is no longer pending. Reload the page." };
    revalidatePath(MEMBERS_PATH);
    return { ok: true, message: `The invitation to ${result.email} was revoked; its link no longer works.` };
  },
);

export const changeMemberRoleAction = workspaceAction(
  "changeMemberRole",
  { input: membershipId.extend({ role: roleField }), permission: "members.manage" },
  async ({ membershipId, role }, { workspace, user, role: actorRole }) => {
    const result = await changeMemberRole({ userId: user.id, role: actorRole, workspaceId: workspace.id }, membershipId, role as Role);
    if (!result.ok) return { ok: false, message: memberRefusalMessage(result) };
    revalidatePath("/", "layout");
    return { ok: true, message: result.from === result.to ? undefined : `${result.email} is now ${ROLE_LABELS[result.to]}.` };
  },
);

export const removeMemberAction = workspaceAction(
  "removeMember",
  { input: membershipId, permission: "members.manage" },
  async ({ membershipId }, { workspace, user, role }) => {
    const result = await removeMember({ userId: user.id, role, workspaceId: workspace.id }, membershipId);
    if (!result.ok) return { ok: false, message: memberRefusalMessage(result) };
    revalidatePath(MEMBERS_PATH);
    return { ok: true, message: `${result.email} was removed from the workspace.` };
  },
);

export const transferOwnershipAction = workspaceAction(
  "transferOwnership",
  { input: membershipId, permission: "members.manage" },
  async ({ membershipId }, { workspace, user, role }) => {
    const result = await transferOwnership({ userId: user.id, role, workspaceId: workspace.id }, membershipId);
    if (!result.ok) return { ok: false, message: memberRefusalMessage(result) };
    revalidatePath("/", "layout");
    return { ok: true, message: `${result.email} is now the owner; you are an admin.` };
  },
);

/** Any member may leave, except the last owner. */
export const leaveWorkspaceAction = workspaceAction(
  "leaveWorkspace",
  { input: z.object({}), permission: "workspace.read" },
  async (_input, { workspace, user }) => {
    const result = await leaveWorkspace(user.id, workspace.id);
    if (!result.ok) {
      return {
        ok: false,
        message: result.reason === "last_owner" ? "You are the last owner. Make another member owner first (Members page)." : "You are not a member of this workspace.",
      };
    }
    revalidatePath("/", "layout");
    redirect("/dashboard");
  },
);
