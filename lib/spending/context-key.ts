/** How spend tables name a Yazsana context: an organization id, or "personal" for the key owner's credit. */
export const PERSONAL_KEY = "personal";

export function contextKeyOf(organizationId: string | null): string {
  return organizationId ?? PERSONAL_KEY;
}

export function organizationIdOf(contextKey: string): string | null {
  return contextKey === PERSONAL_KEY ? null : contextKey;
}

/** Who a limit row is for: a member's user id, or the defaults for members without their own. */
export const DEFAULT_SUBJECT = "default";
