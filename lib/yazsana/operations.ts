import "server-only";
import { z } from "zod";
import { callYazsana } from "./call-yazsana";
import { YazsanaError } from "./errors";
import { describeIssues } from "./parse-response";
import type { YazsanaOperation } from "./routes";
import {
  listSendingMessagesQuery,
  listSendingsQuery,
  responses,
  sendBulkSmsBody,
  sendSingleSmsBody,
  type ApiUser,
  type ListSendingMessagesQuery,
  type ListSendingsQuery,
  type Organization,
  type Page,
  type SendBulkSmsBody,
  type SendSingleSmsBody,
  type Sending,
  type SendingMessage,
  type Service,
} from "./schemas";
import type { YazsanaContext } from "./transport";

export async function getCurrentUser(context: YazsanaContext): Promise<ApiUser> {
  const envelope = await callYazsana(context, { operation: "getCurrentUser" }, responses.getCurrentUser);
  return envelope.data;
}

export async function listOrganizations(context: YazsanaContext): Promise<Organization[]> {
  const envelope = await callYazsana(context, { operation: "listOrganizations" }, responses.listOrganizations);
  return envelope.data;
}

/** The one bare-array endpoint: no envelope to unwrap. */
export async function listServices(context: YazsanaContext): Promise<Service[]> {
  return callYazsana(context, { operation: "listServices" }, responses.listServices);
}

export async function sendSingleSms(context: YazsanaContext, body: SendSingleSmsBody): Promise<{ sendingId: string }> {
  const valid = validateRequest("sendSingleSms", sendSingleSmsBody, body);
  const envelope = await callYazsana(context, { operation: "sendSingleSms", body: valid }, responses.sendSingleSms);
  return { sendingId: envelope.data };
}

export async function sendBulkSms(context: YazsanaContext, body: SendBulkSmsBody): Promise<{ sendingId: string }> {
  const valid = validateRequest("sendBulkSms", sendBulkSmsBody, body);
  const envelope = await callYazsana(context, { operation: "sendBulkSms", body: valid }, responses.sendBulkSms);
  return { sendingId: envelope.data };
}

export async function listSendings(context: YazsanaContext, query: ListSendingsQuery = {}): Promise<Page<Sending>> {
  const valid = validateRequest("listSendings", listSendingsQuery, query);
  const envelope = await callYazsana(context, { operation: "listSendings", query: toSearchParams(valid) }, responses.listSendings);
  return envelope.data;
}

// Ids go into the URL path: refuse anything that is not a plain id, so "..",
// "/" or "?" can never turn this into a request for another endpoint.
const sendingId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "must be a sending id");

export async function listSendingMessages(
  context: YazsanaContext,
  id: string,
  query: ListSendingMessagesQuery = {},
): Promise<Page<SendingMessage>> {
  const validId = validateRequest("listSendingMessages", sendingId, id);
  const valid = validateRequest("listSendingMessages", listSendingMessagesQuery, query);
  const envelope = await callYazsana(
    context,
    { operation: "listSendingMessages", pathParams: { id: validId }, query: toSearchParams(valid) },
    responses.listSendingMessages,
  );
  return envelope.data;
}

/** A request our own schema rejects never reaches the network, so it can never be charged. */
function validateRequest<T extends z.ZodType>(operation: YazsanaOperation, schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new YazsanaError({ operation, kind: "validation", issues: describeIssues(parsed.error.issues) });
  }
  return parsed.data;
}

function toSearchParams(query: Record<string, string | number | boolean | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  return params;
}
