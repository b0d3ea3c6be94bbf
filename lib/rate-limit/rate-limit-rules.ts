import { positiveIntegerFromEnv } from "@/lib/config/positive-integer-env";

/**
 * Every rate limit of the portal, by name. A rule allows `points` attempts per
 * `durationSeconds`, counted from a key's first attempt; `blockSeconds` keeps a
 * key that went over the limit blocked that long from the moment it did, so a
 * burst at the end of one window can't be followed at once by a second one.
 *
 * To add a limit: add a rule here (with a comment saying what it protects),
 * then call consumeRateLimit("<name>", key) where the attempt happens.
 */
export type RateLimitRule = { points: number; durationSeconds: number; blockSeconds?: number };

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Read when the limiters are created (once per process), so the environment can set them. */
export function rateLimitRules() {
  const keyChecksPerHour = positiveIntegerFromEnv("API_KEY_VERIFY_LIMIT_PER_HOUR", 5);
  return {
    // Wrong passwords for one account from one client address (or from
    // anywhere, when the address is unknown: see TRUSTED_PROXY_HOPS). Keyed on
    // both so a stranger elsewhere can't lock the owner out. Cleared by a
    // successful login.
    loginFailuresByEmailAndIp: { points: 10, durationSeconds: 15 * MINUTE, blockSeconds: 15 * MINUTE },
    // Wrong passwords from one client address, whatever the account: slows
    // password spraying across many accounts.
    loginFailuresByIp: { points: 100, durationSeconds: 15 * MINUTE, blockSeconds: 15 * MINUTE },
    // Someone holding a stolen session must not guess the current password at leisure.
    passwordChangeByUser: { points: 10, durationSeconds: 15 * MINUTE, blockSeconds: 15 * MINUTE },
    // Each key check reaches Yazsana, and a valid key answers with its
    // owner's username: without a limit, a new account could test stolen keys.
    apiKeyVerificationByUser: { points: keyChecksPerHour, durationSeconds: HOUR },
    apiKeyVerificationByWorkspace: { points: keyChecksPerHour, durationSeconds: HOUR },
    // Sign-ups create rows and hash passwords: per client address, and for
    // the whole site against address-hopping floods.
    signUpByIp: { points: positiveIntegerFromEnv("SIGNUP_LIMIT_PER_IP_PER_HOUR", 10), durationSeconds: HOUR },
    signUpGlobal: { points: positiveIntegerFromEnv("SIGNUP_LIMIT_PER_HOUR", 300), durationSeconds: HOUR },
    // Invitations sent (and re-sent) by one workspace a day: each may email a stranger.
    teamInvitesByWorkspace: { points: positiveIntegerFromEnv("INVITE_DAILY_LIMIT", 100), durationSeconds: DAY },
    // Confirmation links a signed-in user asks to be sent again.
    emailVerificationByUser: { points: 5, durationSeconds: HOUR },
    // Sending costs money (lib/sending/check-send-limits.ts): send operations
    // — a single SMS, a campaign confirmed or scheduled — by one member of a
    // workspace a minute, so a runaway script or a stolen session can't flood…
    sendsByMember: { points: positiveIntegerFromEnv("SEND_LIMIT_PER_MEMBER_PER_MINUTE", 20), durationSeconds: MINUTE },
    // …and messages (one per recipient, single and bulk together) by a whole workspace a day.
    sendMessagesByWorkspace: { points: positiveIntegerFromEnv("SEND_LIMIT_PER_WORKSPACE_PER_DAY", 50_000), durationSeconds: DAY },
  } satisfies Record<string, RateLimitRule>;
}

export type RateLimiterName = keyof ReturnType<typeof rateLimitRules>;
