import "server-only";
import { z } from "zod";

/**
 * zod schemas for the Yazsana Customer API 1.2.0 (../shared/yazsana-api.md),
 * shared by the client and the simulator. Responses are parsed leniently:
 * objects keep unknown fields (`looseObject`) and fields the spec does not
 * promise are optional, so a harmless upstream change never breaks a page.
 * Requests are strict: we never send what the API does not know.
 */

/** Money travels as a decimal string ("1.000000"); never parse it to a float. */
export const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, "must be a decimal string");
/** Numbers the API might send as strings or numbers; counts only, never money. */
const count = z.coerce.number().int().nonnegative();

export const SMS_PERMISSIONS = {
  read: "organization.sms.read",
  send: "organization.sms.send",
  readUsers: "organization.users.read",
} as const;

export const MESSAGE_STATUSES = ["pending", "waiting", "sent", "not_sent", "no_signal"] as const;
export const messageStatus = z.enum(MESSAGE_STATUSES);
export type MessageStatus = z.infer<typeof messageStatus>;

export const SENDING_SOURCES = ["api", "panel"] as const;
export const sendingSource = z.enum(SENDING_SOURCES);

/** 905 followed by nine digits: the only number form the API accepts. */
export const apiPhoneNumber = z.string().regex(/^905\d{9}$/, "must look like 905xxxxxxxxx");
export const MAX_MESSAGE_LENGTH = 160;
export const smsText = z.string().min(1, "message is required").max(MAX_MESSAGE_LENGTH, `at most ${MAX_MESSAGE_LENGTH} characters`);

// ── Envelope ────────────────────────────────────────────────────────────────
export const envelope = <T extends z.ZodType>(data: T) => z.looseObject({ success: z.literal(true).optional(), data });
export const errorBody = z.looseObject({
  success: z.literal(false).optional(),
  message: z.union([z.string(), z.array(z.string())]).optional(),
  error: z.string().optional(),
});

// ── Entities ────────────────────────────────────────────────────────────────
export const apiUser = z.looseObject({
  id: z.string(),
  username: z.string(),
  email: z.string(),
  createdAt: z.string().optional(),
});
export type ApiUser = z.infer<typeof apiUser>;

export const organization = z.looseObject({
  id: z.string(),
  name: z.string(),
  state: z.boolean(),
  memberCredit: decimalString,
  permissions: z.array(z.string()).default([]),
});
export type Organization = z.infer<typeof organization>;

export const service = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  currency: z.string(),
  unitPrice: decimalString,
});
export type Service = z.infer<typeof service>;

export const sendingStats = z.looseObject({
  validSize: count,
  invalidSize: count,
  nOfPending: count,
  nOfWaiting: count,
  nOfCompleted: count,
  nOfFailed: count,
  nOfRefunded: count,
  totalCost: decimalString,
  totalRefunded: decimalString,
});
export type SendingStats = z.infer<typeof sendingStats>;

export const sending = z.looseObject({
  id: z.string(),
  completed: z.boolean(),
  sampleMessageText: z.string().nullable().optional(),
  createdAt: z.string(),
  // A source Yazsana adds later still parses; pages show it as it comes.
  source: z.union([sendingSource, z.string()]).optional(),
  stats: sendingStats,
});
export type Sending = z.infer<typeof sending>;

/** Item shape unknown upstream: an id, a recipient and a status at least. */
export const sendingMessage = z.looseObject({
  id: z.string(),
  to: z.string(),
  // Known statuses are MESSAGE_STATUSES; an unknown new one must not break a report page.
  status: z.union([messageStatus, z.string()]),
  message: z.string().optional(),
  cost: decimalString.optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type SendingMessage = z.infer<typeof sendingMessage>;

export const page = <T extends z.ZodType>(item: T) =>
  z.looseObject({ items: z.array(item), total: count, page: count, limit: count, totalPages: count });
export type Page<T> = { items: T[]; total: number; page: number; limit: number; totalPages: number };

// ── Responses (the part under `data`, except services which is bare) ───────
export const responses = {
  getCurrentUser: envelope(apiUser),
  listOrganizations: envelope(z.array(organization)),
  listServices: z.array(service),
  sendSingleSms: envelope(z.string()),
  sendBulkSms: envelope(z.string()),
  listSendings: envelope(page(sending)),
  listSendingMessages: envelope(page(sendingMessage)),
};

// ── Requests ────────────────────────────────────────────────────────────────
export const sendSingleSmsBody = z.strictObject({ to: z.string(), message: smsText, serviceId: z.string() });
export type SendSingleSmsBody = z.infer<typeof sendSingleSmsBody>;

export const sendBulkSmsBody = z.strictObject({ to: z.array(z.string()).min(1), message: smsText, serviceId: z.string() });
export type SendBulkSmsBody = z.infer<typeof sendBulkSmsBody>;

const pageQuery = {
  page: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).default(10),
};
const booleanString = z.enum(["true", "false"]).transform((value) => value === "true");

export const listSendingsQuery = z.object({
  ...pageQuery,
  startDate: z.iso.datetime({ offset: true }).optional(),
  endDate: z.iso.datetime({ offset: true }).optional(),
  completed: z.union([z.boolean(), booleanString]).optional(),
  text: z.string().optional(),
  source: sendingSource.optional(),
});
export type ListSendingsQuery = z.input<typeof listSendingsQuery>;

export const listSendingMessagesQuery = z.object({
  ...pageQuery,
  text: z.string().optional(),
  status: messageStatus.optional(),
});
export type ListSendingMessagesQuery = z.input<typeof listSendingMessagesQuery>;
