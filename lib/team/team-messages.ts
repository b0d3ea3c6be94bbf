import type { MailOutcome } from "@/lib/email/send-mail";
import { tryAgainIn } from "@/lib/rate-limit/consume-rate-limit";
import type { InviteRefusal } from "./create-invite";
import type { MemberChangeRefusal } from "./change-member-role";

/** What the members page says for each refusal; one place, so actions stay thin. */
export function inviteRefusalMessage(refusal: InviteRefusal, maxPending: number): { field?: "email"; message: string } {
  switch (refusal.reason) {
    case "already_member":
      return { field: "email", message: "This person is already a member of the workspace." };
    case "already_invited":
      return { field: "email", message: "This email already has a pending invitation. Re-send or revoke it below." };
    case "too_many_pending":
      return { message: `This workspace already has ${maxPending} pending invitations. Revoke some before inviting more.` };
    case "daily_limit":
      return { message: `This workspace has sent its invitations for today. Try again ${tryAgainIn(refusal.retryAfterSeconds)}.` };
  }
}

export function memberRefusalMessage(refusal: MemberChangeRefusal): string {
  switch (refusal.reason) {
    case "not_found":
      return "That member is not in this workspace (any more). Reload the page.";
    case "not_allowed":
      return "Your role doesn't allow this: only an owner can change or remove an owner, or make someone owner.";
    case "last_owner":
      return "The workspace needs at least one owner. Make another member owner first.";
    case "self":
      return "You can't do this to yourself here. To leave the workspace, use Leave workspace on your Account page.";
  }
}

export function deliveryNote(outcome: MailOutcome, email: string): string {
  if (outcome === "sent") return `We emailed the link to ${email}. You can also pass it on yourself:`;
  if (outcome === "failed") return `The invitation is ready, but the email to ${email} could not be sent. Pass the link on yourself:`;
  return `Email is not set up on this portal, so pass the link on to ${email} yourself:`;
}
