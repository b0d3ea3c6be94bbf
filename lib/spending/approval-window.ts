/** How long a campaign waits for an approver before it expires (issue #13). */
export const APPROVAL_DAYS = 7;

/** The campaign fields of "saved as awaiting approval", from `now`. */
export function awaitingApproval(now: Date = new Date()) {
  return { state: "awaiting_approval" as const, approvalExpiresAt: new Date(now.getTime() + APPROVAL_DAYS * 24 * 60 * 60 * 1000) };
}
