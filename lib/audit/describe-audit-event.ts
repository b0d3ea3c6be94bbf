import { ROLE_LABELS, type Role } from "@/lib/workspaces/roles";

/** What each action is called in the filter and in sentences without details. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "workspace.created": "Created the workspace",
  "api_key.set": "Saved the API key",
  "api_key.replaced": "Replaced the API key",
  "api_key.removed": "Removed the API key",
  "api_key.rewrapped": "Re-encrypted the API key under a new master key",
  "invite.sent": "Sent an invitation",
  "invite.resent": "Re-sent an invitation",
  "invite.revoked": "Revoked an invitation",
  "invite.accepted": "Accepted an invitation",
  "member.role_changed": "Changed a member's role",
  "member.removed": "Removed a member",
  "member.left": "Left the workspace",
  "ownership.transferred": "Transferred ownership",
  "user.signed_in": "Signed in",
  "api_key.verification_failed": "An API key check failed",
};

/** Why a key check failed (the Yazsana client's error kinds), in words. */
const VERIFICATION_FAILURES: Record<string, string> = {
  invalid_key: "refused by Yazsana",
  timeout: "Yazsana did not answer in time",
  rate_limited: "Yazsana was rate limiting",
  unavailable: "Yazsana was unavailable",
  malformed_response: "Yazsana's answer was unreadable",
};

function role(value: unknown): string {
  return typeof value === "string" && value in ROLE_LABELS ? ROLE_LABELS[value as Role] : String(value);
}

/** Sentences for team events, from their safe metadata (an email and roles, never a token). */
const TEAM_SENTENCES: Record<string, (metadata: Record<string, unknown>) => string> = {
  "invite.sent": (m) => `Invited ${m.email} as ${role(m.role)}`,
  "invite.resent": (m) => `Re-sent the invitation to ${m.email} (${role(m.role)}); the previous link stopped working`,
  "invite.revoked": (m) => `Revoked the invitation to ${m.email}`,
  "invite.accepted": (m) => `Accepted the invitation and joined as ${role(m.role)}`,
  "member.role_changed": (m) => `Changed the role of ${m.email} from ${role(m.from)} to ${role(m.to)}`,
  "member.removed": (m) => `Removed ${m.email} (${role(m.role)}) from the workspace`,
  "member.left": (m) => `Left the workspace (was ${role(m.role)})`,
  "ownership.transferred": (m) => `Made ${m.email} the owner and became an admin`,
};

/** A sentence for an audit event, built only from its safe metadata. */
export function describeAuditEvent(event: { action: string; metadata: unknown }): string {
  const label = AUDIT_ACTION_LABELS[event.action] ?? event.action;
  const metadata = (event.metadata ?? {}) as Record<string, unknown>;
  const sentence = TEAM_SENTENCES[event.action];
  if (sentence && typeof metadata.email === "string") return sentence(metadata);
  if (typeof metadata.last4 === "string") return `${label} (ending in ${metadata.last4})`;
  if (typeof metadata.from === "string" && typeof metadata.to === "string") return `${label} (${metadata.from} → ${metadata.to})`;
  if (typeof metadata.reason === "string") return `${label} (${VERIFICATION_FAILURES[metadata.reason] ?? metadata.reason.replaceAll("_", " ")})`;
  return label;
}
