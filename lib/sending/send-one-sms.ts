import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db/client";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { Prisma } from "@/lib/db/generated/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { formatDecimal } from "@/lib/money/format-decimal";
import { isYazsanaError, sendSingleSms } from "@/lib/yazsana";
import { readYazsanaConfig } from "@/lib/yazsana/config";
import { recordWithReservation } from "@/lib/spending/record-with-reservation";
import { roleCan } from "@/lib/workspaces/roles";
import { yazsanaContextFor } from "@/lib/workspaces/yazsana-access";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { classifySendError } from "./classify-send-error";
import { checkCredit, estimateCost } from "./estimate-cost";
import { loadSendContext, type SendContextView } from "./load-send-context";
import { formatTurkishMobile, normalizePhone } from "./normalize-phone";
import { refusalForContext } from "./refuse-send";
import type { SingleSendInput } from "./schemas";

export type SendOutcome = {
  kind: "outcome";
  state: "accepted" | "failed" | "unknown" | "pending";
  recordId: string;
  sendingId: string | null;
  message: string;
};
export type OneSmsResult = { kind: "invalid"; fieldErrors: Record<string, string[]> } | { kind: "refused"; message: string } | SendOutcome;

type RecordRow = { id: string; state: string; sendingId: string | null; errorMessage: string | null; recipients: string[] };

/**
 * Sends one SMS exactly once per idempotency key: the attempt is written
 * (pending) under a unique (workspace, key) before Yazsana is called, so a
 * double click, a resubmit, a retried request or a concurrent twin finds that
 * row and reports its outcome instead of sending again.
 */
export async function sendOneSms(context: WorkspaceContext, input: SingleSendInput): Promise<OneSmsResult> {
  if (!roleCan(context.role, "sms.send")) return { kind: "refused", message: "Your role in this workspace doesn't allow sending." };
  const workspaceId = context.workspace.id;

  const earlier = await findByKey(workspaceId, input.idempotencyKey);
  if (earlier) return outcomeOf(await settled(earlier));

  const phone = normalizePhone(input.recipient);
  if (!phone.ok) return { kind: "invalid", fieldErrors: { recipient: [phone.reason] } };

  const view = await loadSendContext(context);
  const refusal = refusalForContext(view);
  if (refusal) return { kind: "refused", message: refusal };
  const ready = view as Extract<SendContextView, { status: "ok" }>;
  const service = ready.services.find((candidate) => candidate.id === input.serviceId);
  if (!service) return { kind: "invalid", fieldErrors: { serviceId: ["This service is not offered in the current context. Pick another one."] } };

  const cost = estimateCost(service.unitPrice, 1);
  const credit = checkCredit(ready.credit, cost);
  if (credit.status === "short") {
    return {
      kind: "refused",
      message: `Not enough credit in ${ready.contextLabel}: this SMS costs ${formatDecimal(cost, service.currency)} and ${formatDecimal(ready.credit ?? "0", service.currency)} is left. Nothing was sent.`,
    };
  }

  const yazsana = await yazsanaContextFor(context);
  if (!yazsana) return { kind: "refused", message: "This workspace has no Yazsana API key yet." };
  const organizationId = ready.organization?.id ?? null;

  let record: RecordRow;
  try {
    // The record is also the spend reservation: written only if it fits the member's budget and cap.
    const spend = { workspaceId, userId: context.user.id, organizationId, cost, messages: 1, currency: service.currency };
    const reserved = await recordWithReservation(spend, (tx) => tx.sendRecord.create({
      data: {
        workspaceId,
        userId: context.user.id,
        organizationId,
        serviceId: service.id,
        serviceName: service.name,
        currency: service.currency,
        unitPrice: service.unitPrice,
        recipients: [phone.number],
        recipientCount: 1,
        costEstimate: cost,
        message: input.message,
        state: "pending",
        idempotencyKey: input.idempotencyKey,
        attemptedAt: new Date(),
      },
      select: RECORD_FIELDS,
    }));
    if (reserved.kind === "refused") return { kind: "refused", message: reserved.message };
    record = reserved.value;
  } catch (error) {
    // A concurrent twin with the same key got there first: report its outcome.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const twin = await findByKey(workspaceId, input.idempotencyKey);
      if (twin) return outcomeOf(await settled(twin));
    }
    throw error;
  }

  let update: { state: "accepted" | "failed" | "unknown"; sendingId?: string; errorKind?: string; errorMessage?: string };
  try {
    const { sendingId } = await sendSingleSms({ apiKey: yazsana.apiKey, organizationId }, { to: phone.number, message: input.message, serviceId: service.id });
    update = { state: "accepted", sendingId };
  } catch (error) {
    if (!isYazsanaError(error)) {
      // Our own failure after the request may have left: the outcome is unknown, never a blind resend.
      await db.sendRecord.update({ where: { id: record.id }, data: { state: "unknown", errorKind: "internal", finishedAt: new Date() } });
      throw error;
    }
    const failure = classifySendError(error, await getServerTranslations("yazsana"));
    console.warn(`[send] sms ${record.id} ${failure.state}: ${error.message}`);
    update = { state: failure.state, errorKind: failure.errorKind, errorMessage: failure.message };
  }

  const finished = await db.$transaction(async (tx) => {
    const row = await tx.sendRecord.update({ where: { id: record.id }, data: { ...update, finishedAt: new Date() }, select: RECORD_FIELDS });
    await recordAuditEvent(
      {
        workspaceId,
        actorId: context.user.id,
        action: update.state === "accepted" ? "sms.sent" : update.state === "failed" ? "sms.send_failed" : "sms.send_unknown",
        target: update.sendingId ?? record.id,
        metadata: { recipients: 1, serviceId: service.id, organizationId, costEstimate: cost, ...(update.errorKind && { error: update.errorKind }) },
      },
      tx,
    );
    return row;
  });
  return outcomeOf(finished);
}

const RECORD_FIELDS = { id: true, state: true, sendingId: true, errorMessage: true, recipients: true } as const;

function findByKey(workspaceId: string, idempotencyKey: string): Promise<RecordRow | null> {
  return db.sendRecord.findUnique({ where: { workspaceId_idempotencyKey: { workspaceId, idempotencyKey } }, select: RECORD_FIELDS });
}

/** Waits while a twin request is still talking to Yazsana (at most one upstream timeout and a margin). */
async function settled(record: RecordRow): Promise<RecordRow> {
  const deadline = Date.now() + readYazsanaConfig().timeoutMs + 5_000;
  let current = record;
  while (current.state === "pending" && Date.now() < deadline) {
    await sleep(150);
    current = (await db.sendRecord.findUnique({ where: { id: record.id }, select: RECORD_FIELDS })) ?? current;
  }
  return current;
}

function outcomeOf(record: RecordRow): SendOutcome {
  const base = { kind: "outcome" as const, recordId: record.id, sendingId: record.sendingId };
  switch (record.state) {
    case "accepted":
      return { ...base, state: "accepted", message: `Sent to ${formatTurkishMobile(record.recipients[0] ?? "")}. Yazsana sending ${record.sendingId}.` };
    case "failed":
      return { ...base, state: "failed", message: `${record.errorMessage ?? "Yazsana refused this send."} Nothing was sent.` };
    case "unknown":
      return {
        ...base,
        state: "unknown",
        message: record.errorMessage ?? "We don't know whether Yazsana accepted this send. Check Reports before sending again.",
      };
    default:
      return { ...base, state: "pending", message: "This send is still in progress. Check Reports in a moment before sending again." };
  }
}
