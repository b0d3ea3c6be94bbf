/** Invitation settings from the environment (README → Configuration). */
export type TeamConfig = {
  inviteTtlHours: number;
  maxPendingInvites: number;
  dailyInviteLimit: number;
};

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  // An empty value counts as unset, like every other setting.
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of at least 1 (got "${raw}").`);
  }
  return value;
}

export function readTeamConfig(): TeamConfig {
  return {
    inviteTtlHours: positiveInteger("INVITE_TTL_HOURS", 168),
    maxPendingInvites: positiveInteger("INVITE_MAX_PENDING", 50),
    dailyInviteLimit: positiveInteger("INVITE_DAILY_LIMIT", 100),
  };
}
