import { z } from "zod";
import { v } from "@/lib/i18n/validation";

/**
 * The shortest API key the portal accepts, stores and scrubs from logs — one
 * number, so no accepted key is too short to be redacted. (The simulator
 * accepts keys from 8 characters; last4 of a shorter key would give away too
 * much.)
 */
export const MIN_API_KEY_LENGTH = 8;
export const MAX_API_KEY_LENGTH = 512;

/** What Settings → API key accepts. */
export const apiKeyInput = z.object({
  apiKey: z
    .string()
    .trim()
    .min(1, v("apiKeyRequired"))
    .min(MIN_API_KEY_LENGTH, v("apiKeyTooShort"))
    .max(MAX_API_KEY_LENGTH, v("apiKeyTooLong"))
    .regex(/^\S+$/, v("apiKeySpaces")),
});
