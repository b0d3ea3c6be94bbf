import "server-only";

/** The typed Yazsana client: import from "@/lib/yazsana", not from its files. */
export {
  getCurrentUser,
  listOrganizations,
  listServices,
  listSendingMessages,
  listSendings,
  sendBulkSms,
  sendSingleSms,
} from "./operations";
export type { YazsanaContext } from "./transport";
export { closeYazsanaDispatcher } from "./transport";
export { readYazsanaConfig } from "./config";
export { YAZSANA_ERROR_KINDS, YazsanaError, isYazsanaError, type YazsanaErrorKind } from "./errors";
export { describeYazsanaError, neverConnected, yazsanaErrorMessage, type YazsanaErrorMessage } from "./describe-error";
export { setYazsanaAttemptTimer, type AttemptTimer } from "./attempt-timeout";
export { setYazsanaCallObserver, type YazsanaCallObserver, type YazsanaCallRecord } from "./call-log";
export type {
  ApiUser,
  ListSendingMessagesQuery,
  ListSendingsQuery,
  MessageStatus,
  Organization,
  Page,
  SendBulkSmsBody,
  SendSingleSmsBody,
  Sending,
  SendingMessage,
  SendingStats,
  Service,
} from "./schemas";
