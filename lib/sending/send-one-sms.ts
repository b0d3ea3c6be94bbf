import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { formatMoney } from "@/lib/i18n/format-money";
import { getServerLocale } from "@/lib/i18n/server-translations";
import { translatorFor, type AppTranslator } from "@/lib/i18n/translator";
import { isYazsanaError, sendSingleSms } from "@/lib/yazsana";
import { readYazsanaConfig } from "@/lib/yazsana/config";
import { recordWithReservation } from "@/lib/spending/record-with-reservation";
import { roleCan } from "@/lib/workspaces/roles";
import { yazsanaContextFor } from "@/lib/workspaces/yazsana-access";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { refuseOverSendLimits } from "./check-send-limits";
import { classifySendError } from "./classify-send-error";
import { checkCredit, estimateCost } from "./estimate-cost";
import { loadSendContext, type SendContextView } from "./load-send-context";
import { describePhoneProblem, formatTurkishMobile, normalizePhone } from "./normalize-phone";
import { refusalForContext } from "./refuse-send";
import type { SingleSendInput } from "./schemas";
import { componentLogger } from "@/lib/log/logger";

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
  const locale = await getServerLocale();
  const t = translatorFor(locale, "sending");
  if (!roleCan(context.role, "sms.send")) return { kind: "refused", message: t("refusal.roleCantSend") };
  const workspaceId = context.workspace.id;

  const earlier = await findByKey(workspaceId, input.idempotencyKey);
  if (earlier) return outcomeOf(await settled(earlier), t);

  const phone = normalizePhone(input.recipient);
  if (!phone.ok) return { kind: "invalid", fieldErrors: { recipient: [describePhoneProblem(phone.problem, t)] } };

  const view = await loadSendContext(context);
  const refusal = refusalForContext(view, t);
  if (refusal) return { kind: "refused", message: refusal };
  const ready = view as Extract<SendContextView, { status: "ok" }>;
  const service = ready.services.find((candidate) => candidate.id === input.serviceId);
  if (!service) return { kind: "invalid", fieldErrors: { serviceId: [t("refusal.serviceNotOffered")] } };

  const cost = estimateCost(service.unitPrice, 1);
  const credit = checkCredit(ready.credit, cost);
  if (credit.status === "short") {
    return {
      kind: "refused",
      message: t("send.notEnoughCredit", {
        context: ready.contextLabel,
        cost: formatMoney(cost, { locale, currency: service.currency }),
        credit: formatMoney(ready.credit ?? "0", { locale, currency: service.currency }),
      }),
    };
  }

  const overLimit = await refuseOverSendLimits(context, 1);
  if (overLimit) return { kind: "refused", message: overLimit };
  const yazsana = await yazsanaContextFor(context);
  if (!yazsana) return { kind: "refused", message: t("send.noKey") };
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
      if (twin) return outcomeOf(await settled(twin), t);
    }
    throw error;
  }

  let update: { state: "accepted" | "failed" | "unknown"; sendingId?: string; errorKind?: string; errorMessage?: string };
  try {
    const { sendingId } = await sendSingleSms({ apiKey: yazsana.apiKey, organizationId }, { to: phone.number, message: input.message, serviceId: service.id });
    update = { state: "accepted", sendingId };
  } catch (error) {
    if (!isYazsanaError(error)) {
      // Our own failure after the request may have left: the outcome is unknown, never a blind resend,
      // and the audit log says so as it does for an upstream failure.
      await db.$transaction(async (tx) => {
        await tx.sendRecord.update({ where: { id: record.id }, data: { state: "unknown", errorKind: "internal", finishedAt: new Date() } });
        await recordAuditEvent(
          {
            workspaceId,
            actorId: context.user.id,
            action: "sms.send_unknown",
            target: record.id,
            metadata: { recipients: 1, serviceId: service.id, organizationId, costEstimate: cost, error: "internal" },
          },
          tx,
        );
      });
      throw error;
    }
    const failure = classifySendError(error, translatorFor(locale, "yazsana"));
    componentLogger("sending").warn({ recordId: record.id, state: failure.state, errorKind: error.kind, error: error.message }, "single SMS not accepted");
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
  return outcomeOf(finished, t);
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

function outcomeOf(record: RecordRow, t: AppTranslator<"sending">): SendOutcome {
  const base = { kind: "outcome" as const, recordId: record.id, sendingId: record.sendingId };
  switch (record.state) {
    case "accepted":
      return { ...base, state: "accepted", message: t("send.sentTo", { number: formatTurkishMobile(record.recipients[0] ?? ""), sendingId: record.sendingId ?? "" }) };
    case "failed":
      return { ...base, state: "failed", message: t("send.nothingSent", { reason: record.errorMessage ?? t("send.refusedDefault") }) };
    case "unknown":
      return {
        ...base,
        state: "unknown",
        message: record.errorMessage ?? t("send.outcomeUnknown"),
      };
    default:
      return { ...base, state: "pending", message: t("send.stillPending") };
  }
}
