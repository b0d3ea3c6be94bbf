import { apiPhoneNumber, sendBulkSmsBody, sendSingleSmsBody, SMS_PERMISSIONS } from "../../lib/yazsana/schemas";
import { authenticateInContext, requirePermission, type Caller } from "../auth";
import { badRequest, parseJson, parseOr400 } from "../http";
import { newId } from "../ids";
import { creditAccount } from "../ledger";
import { costOf } from "../money";
import { ok, type Handler, type SimRequest } from "../runtime";
import { addSending, countStatuses, priceFor, type SimMessage } from "../state";

/** The published spec gives no maximum; this default keeps one request from exhausting memory (YAZSANA_SIM_BULK_MAX changes it). */
export const MAX_BULK_RECIPIENTS = 250_000;

const isApiNumber = (value: string) => apiPhoneNumber.safeParse(value).success;

function authorizedSender(request: SimRequest): Caller {
  const caller = authenticateInContext(request.runtime.state, request.headers);
  requirePermission(caller, SMS_PERMISSIONS.send);
  return caller;
}

export const sendSingleSms: Handler = (request) => {
  const caller = authorizedSender(request);
  const body = parseOr400(sendSingleSmsBody, parseJson(request.rawBody), "request body");
  if (!isApiNumber(body.to)) throw badRequest("Invalid request body: to: must look like 905xxxxxxxxx");
  return createSending(request, caller, { serviceId: body.serviceId, message: body.message, valid: [body.to], invalidSize: 0 });
};

export const sendBulkSms: Handler = (request) => {
  const caller = authorizedSender(request);
  const body = parseOr400(sendBulkSmsBody, parseJson(request.rawBody), "request body");
  const limit = request.runtime.maxBulkRecipients;
  if (body.to.length > limit) throw badRequest(`Invalid request body: to: at most ${limit} numbers`);
  const valid = body.to.filter(isApiNumber);
  if (valid.length === 0) throw badRequest("None of the numbers is valid: expected 905xxxxxxxxx", "NO_VALID_RECIPIENTS");
  return createSending(request, caller, {
    serviceId: body.serviceId,
    message: body.message,
    valid,
    invalidSize: body.to.length - valid.length,
  });
};

type SendingInput = { serviceId: string; message: string; valid: string[]; invalidSize: number };

/** Charges the context's credit for every valid number and queues the messages — or changes nothing. */
function createSending({ runtime }: SimRequest, caller: Caller, input: SendingInput) {
  const { state } = runtime;
  const organizationId = caller.organization?.id ?? null;
  const service = state.services.get(input.serviceId);
  if (!service?.active) throw badRequest("Unknown serviceId: no active service with this id", "UNKNOWN_SERVICE");

  const unitPrice = priceFor(service, organizationId);
  const cost = costOf(unitPrice, input.valid.length);
  const account = creditAccount(state, caller.user.id, organizationId);
  if (account.balance().lessThan(cost)) throw badRequest("Insufficient credit", "INSUFFICIENT_CREDIT");
  account.add(cost.negated());

  const now = runtime.now();
  const messages: SimMessage[] = input.valid.map((to) => ({ id: newId(), to, status: "pending", updatedAt: now }));
  const sending = {
    id: newId(),
    seq: state.nextSeq,
    userId: caller.user.id,
    organizationId,
    serviceId: service.id,
    source: "api" as const,
    message: input.message,
    createdAt: now,
    unitPrice,
    invalidSize: input.invalidSize,
    messages,
    counts: countStatuses(messages),
    unfinished: messages.map((_, index) => index),
    version: 0,
  };
  addSending(state, sending);
  runtime.changed();
  return ok(sending.id, 201);
}
