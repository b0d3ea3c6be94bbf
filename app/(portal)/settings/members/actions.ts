"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/define-action";
import { emailField } from "@/lib/auth/schemas";
import { getServerLocale } from "@/lib/i18n/server-translations";
import { translatorFor } from "@/lib/i18n/translator";
import { v } from "@/lib/i18n/validation";
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
import type { Role } from "@/lib/workspaces/roles";

const MEMBERS_PATH = "/settings/members";

/** The members page's words and role names in the request's language. */
async function teamText() {
  const locale = await getServerLocale();
  const common = translatorFor(locale, "common");
  return { locale, t: translatorFor(locale, "team"), roleName: (role: Role) => common(`roles.${role}`) };
}
const roleField = z.enum(["owner", "admin", "sender", "viewer"], v("chooseRole"));
const inviteId = z.object({ inviteId: z.uuid(v("chooseInvitation")) });
const membershipId = z.object({ membershipId: z.uuid(v("chooseMember")) });

export const inviteMemberAction = workspaceAction(
  "inviteMember",
  { input: z.object({ email: emailField, role: z.enum(INVITABLE_ROLES, v("chooseInvitableRole")) }), permission: "members.manage" },
  async ({ email, role }, { workspace, user }) => {
    const { locale, t, roleName } = await teamText();
    const result = await createInvite({ workspaceId: workspace.id, actorId: user.id, email, role });
    if (!result.ok) {
      const refusal = inviteRefusalMessage(result, readTeamConfig().maxPendingInvites, t, locale);
      return refusal.field ? { ok: false, fieldErrors: { email: [refusal.message] } } : { ok: false, message: refusal.message };
    }
    const delivery = await sendInviteEmail({ ...result, workspaceName: workspace.name, inviterName: user.name });
    revalidatePath(MEMBERS_PATH);
    return { ok: true, message: t("invited", { email, role: roleName(role), delivery: deliveryNote(delivery, email, t) }), shareLink: inviteUrl(result.token) };
  },
);

export const resendInviteAction = workspaceAction(
  "resendInvite",
  { input: inviteId, permission: "members.manage" },
  async ({ inviteId }, { workspace, user }) => {
    const { locale, t } = await teamText();
    const result = await resendInvite({ workspaceId: workspace.id, actorId: user.id, inviteId });
    if (!result.ok) {
      return result.reason === "daily_limit"
        ? { ok: false, message: inviteRefusalMessage(result, 0, t, locale).message }
        : { ok: false, message: t("notPending") };
    }
    const delivery = await sendInviteEmail({ ...result, workspaceName: workspace.name, inviterName: user.name });
    revalidatePath(MEMBERS_PATH);
    return { ok: true, message: t("newLink", { email: result.email, delivery: deliveryNote(delivery, result.email, t) }), shareLink: inviteUrl(result.token) };
  },
);

export const revokeInviteAction = workspaceAction(
  "revokeInvite",
  { input: inviteId, permission: "members.manage" },
  async ({ inviteId }, { workspace, user }) => {
    const { t } = await teamText();
    const result = await revokeInvite({ workspaceId: workspace.id, actorId: user.id, inviteId });
    if (!result.ok) return { ok: false, message: t("notPending") };
    revalidatePath(MEMBERS_PATH);
    return { ok: true, message: t("revoked", { email: result.email }) };
  },
);

export const changeMemberRoleAction = workspaceAction(
  "changeMemberRole",
  { input: membershipId.extend({ role: roleField }), permission: "members.manage" },
  async ({ membershipId, role }, { workspace, user, role: actorRole }) => {
    const { t, roleName } = await teamText();
    const result = await changeMemberRole({ userId: user.id, role: actorRole, workspaceId: workspace.id }, membershipId, role as Role);
    if (!result.ok) return { ok: false, message: memberRefusalMessage(result, t) };
    revalidatePath("/", "layout");
    return { ok: true, message: result.from === result.to ? undefined : t("roleChanged", { email: result.email, role: roleName(result.to) }) };
  },
);

export const removeMemberAction = workspaceAction(
  "removeMember",
  { input: membershipId, permission: "members.manage" },
  async ({ membershipId }, { workspace, user, role }) => {
    const { t } = await teamText();
    const result = await removeMember({ userId: user.id, role, workspaceId: workspace.id }, membershipId);
    if (!result.ok) return { ok: false, message: memberRefusalMessage(result, t) };
    revalidatePath(MEMBERS_PATH);
    return { ok: true, message: t("removed", { email: result.email }) };
  },
);

export const transferOwnershipAction = workspaceAction(
  "transferOwnership",
  { input: membershipId, permission: "members.manage" },
  async ({ membershipId }, { workspace, user, role }) => {
    const { t } = await teamText();
    const result = await transferOwnership({ userId: user.id, role, workspaceId: workspace.id }, membershipId);
    if (!result.ok) return { ok: false, message: memberRefusalMessage(result, t) };
    revalidatePath("/", "layout");
    return { ok: true, message: t("transferred", { email: result.email }) };
  },
);

/** Any member may leave, except the last owner. */
export const leaveWorkspaceAction = workspaceAction(
  "leaveWorkspace",
  { input: z.object({}), permission: "workspace.read" },
  async (_input, { workspace, user }) => {
    const result = await leaveWorkspace(user.id, workspace.id);
    if (!result.ok) {
      const { t } = await teamText();
      return { ok: false, message: t(result.reason === "last_owner" ? "lastOwnerCannotLeave" : "notAMember") };
    }
    revalidatePath("/", "layout");
    redirect("/dashboard");
  },
);
