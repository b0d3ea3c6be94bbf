/** Client-safe, so forms can state the rule the server enforces (lib/auth/password.ts). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
