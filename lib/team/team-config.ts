import { positiveIntegerFromEnv } from "@/lib/config/positive-integer-env";

/**
 * Invitation settings from the environment (README → Configuration). The
 * daily allowance (INVITE_DAILY_LIMIT) is a rate-limit rule, in rate-limit-rules.ts.
 */
export type TeamConfig = { inviteTtlHours: number; maxPendingInvites: number };

export function readTeamConfig(): TeamConfig {
  return {
    inviteTtlHours: positiveIntegerFromEnv("INVITE_TTL_HOURS", 168),
    maxPendingInvites: positiveIntegerFromEnv("INVITE_MAX_PENDING", 50),
  };
}
