import "server-only";
import { composeMail, formatUtc } from "@/lib/email/compose-mail";
import { publicBaseUrl } from "@/lib/email/mail-config";
import { sendMail, type MailOutcome } from "@/lib/email/send-mail";
import { ROLE_LABELS, type Role } from "@/lib/workspaces/roles";

/** The absolute link of an invitation, for the inviter's screen and the email. */
export function inviteUrl(token: string): string {
  return `${publicBaseUrl()}/invite/${token}`;
}

export async function sendInviteEmail(invite: {
  email: string;
  role: Role;
  token: string;
  expiresAt: Date;
  workspaceName: string;
  inviterName: string;
}): Promise<MailOutcome> {
  const role = ROLE_LABELS[invite.role];
  const body = composeMail(
    [
      `${invite.inviterName} invited you to join ${invite.workspaceName} on Yazsana Portal as ${role}.`,
      `The link works once and expires on ${formatUtc(invite.expiresAt)}.`,
    ],
    { label: "Accept the invitation", url: inviteUrl(invite.token) },
    ["If you didn't expect this, ignore this email: nothing happens unless you open the link."],
  );
  return sendMail({ to: invite.email, subject: `You're invited to ${invite.workspaceName} on Yazsana Portal`, ...body });
}
