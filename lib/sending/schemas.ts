import { z } from "zod";
import { MAX_SMS_CHARACTERS } from "./count-sms";

/** The message of a single or bulk send: what the API accepts, with sentences a person can act on. */
export const smsMessage = z
  .string()
  .refine((text) => text.trim().length > 0, "Write a message.")
  .refine((text) => text.length <= MAX_SMS_CHARACTERS, `At most ${MAX_SMS_CHARACTERS} characters: Yazsana refuses longer messages.`);

export const idempotencyKey = z.uuid("This form is out of date: reload the page and try again.");

/** The single-SMS form (field names are those of the form). */
export const singleSendInput = z.object({
  recipient: z.string().max(100, "That is too long for a phone number."),
  message: smsMessage,
  serviceId: z.string().min(1, "Pick a service.").max(100),
  idempotencyKey,
});
export type SingleSendInput = z.infer<typeof singleSendInput>;
