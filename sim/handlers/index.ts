import type { YazsanaOperation } from "../../lib/yazsana/routes";
import type { Handler } from "../runtime";
import { getCurrentUser, listOrganizations, listServices } from "./account";
import { listSendingMessages } from "./list-sending-messages";
import { listSendings } from "./list-sendings";
import { sendBulkSms, sendSingleSms } from "./send-sms";

/** One handler per operation of the shared routes table; the compiler insists on all of them. */
export const handlers: Record<YazsanaOperation, Handler> = {
  getCurrentUser,
  listOrganizations,
  listServices,
  sendSingleSms,
  sendBulkSms,
  listSendings,
  listSendingMessages,
};
