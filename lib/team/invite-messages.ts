import type { InviteLookup } from "./inspect-invite";

type ClosedState = Exclude<InviteLookup["state"], "open">;

/** The page (and action answer) for a link that can't be used; never says more than the state. */
export const CLOSED_INVITE: Record<ClosedState, { title: string; text: string }> = {
  malformed: { title: "This invitation link is broken", text: "The link is incomplete or was changed. Copy the whole link from the email, or ask for a new invitation." },
  unknown: { title: "Invitation not found", text: "No invitation has this link. Ask the person who invited you for a new one." },
  accepted: { title: "This invitation was already used", text: "Each invitation link works once. Log in to reach the workspace, or ask for a new invitation." },
  revoked: { title: "This invitation was withdrawn", text: "The workspace withdrew this invitation. Ask them for a new one if you still need access." },
  replaced: { title: "This invitation link was replaced", text: "A newer invitation was sent to the same address and this link stopped working. Use the latest email." },
  expired: { title: "This invitation has expired", text: "Invitations work for a limited time. Ask the person who invited you to send it again." },
};
