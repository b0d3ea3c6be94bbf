import { z } from "zod";
import { v } from "@/lib/i18n/validation";
import { MAX_SMS_CHARACTERS } from "./count-sms";

/** The message of a single or bulk send: what the API accepts, with sentences a person can act on. */
export const smsMessage = z
  .string()
  .refine((text) => text.trim().length > 0, v("smsMessageRequired"))
  // A max check (not a refine), so the issue carries {maximum} for the sentence.
  .max(MAX_SMS_CHARACTERS, v("smsMessageTooLong"));

export const idempotencyKey = z.uuid(v("sendFormOutdated"));

/** The single-SMS form (field names are those of the form). */
export const singleSendInput = z.object({
  recipient: z.string().max(100, v("phoneTooLong")),
  message: smsMessage,
  serviceId: z.string().min(1, v("pickService")).max(100),
  idempotencyKey,
});
export type SingleSendInput = z.infer<typeof singleSendInput>;
