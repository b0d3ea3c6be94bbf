import "server-only";
import type { JobHelpers, Task } from "graphile-worker";
import { z } from "zod";
import { readApiKey } from "@/lib/api-key/read-api-key";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { noteLogContext, runWithLogContext } from "@/lib/log/log-context";
import { isYazsanaError, neverConnected, sendBulkSms, yazsanaErrorMessage } from "@/lib/yazsana";
import { readYazsanaConfig } from "@/lib/yazsana/config";
import { TASKS } from "../campaign-jobs";
import { storedWorkerError, storedYazsanaError } from "../chunk-error";
import { classifySendError } from "../classify-send-error";
import { RetryLater } from "./retry-later";
import { translatorFor } from "@/lib/i18n/translator";
import { expireAllApprovals } from "@/lib/spending/expire-approvals";

const startPayload = z.object({ campaignId: z.uuid() });
const chunkPayload = z.object({ campaignId: z.uuid(), chunkIndex: z.number().int().min(0) });

/**
 * Starts a scheduled campaign (or a running one after resume): queues one job
 * per chunk not sent yet. Chunks of a campaign share a queue, so they go out
 * one after another and a definite failure stops the rest. Job keys make a
 * repeated start harmless.
 */
export const startCampaign: Task = async (payload, helpers) => {
  const { campaignId } = startPayload.parse(payload);
  await db.campaign.updateMany({ where: { id: campaignId, state: "scheduled" }, data: { state: "running", startedAt: new Date() } });
  const campaign = await db.campaign.findUnique({ where: { id: campaignId }, select: { state: true } });
  if (campaign?.state !== "running") return;
  const chunks = await db.sendRecord.findMany({ where: { campaignId, state: "queued" }, select: { chunkIndex: true }, orderBy: { chunkIndex: "asc" } });
  for (const { chunkIndex } of chunks) {
    await helpers.addJob(TASKS.chunk, { campaignId, chunkIndex }, { jobKey: `campaign-chunk:${campaignId}:${chunkIndex}`, queueName: `campaign:${campaignId}`, maxAttempts: 25 });
  }
  await finishIfDone(campaignId);
};

/**
 * Sends one chunk at most once. The chunk is claimed (queued → pending) before
 * the request leaves; a job that finds its chunk already pending ran before
 * and died mid-request, so the outcome is unknown and it is never resent.
 */
export const sendCampaignChunk: Task = async (payload, helpers) => {
  const { campaignId, chunkIndex } = chunkPayload.parse(payload);
  const campaign = await db.campaign.findUnique({ where: { id: campaignId } });
  if (campaign?.state !== "running") return;
  noteLogContext({ workspaceId: campaign.workspaceId, memberId: campaign.userId ?? undefined });

  const claimed = await db.sendRecord.updateMany({
    where: { campaignId, chunkIndex, state: "queued" },
    data: { state: "pending", attemptedAt: new Date() },
  });
  if (claimed.count === 0) return settleInterrupted(campaignId, chunkIndex, helpers);

  const chunk = await db.sendRecord.findUniqueOrThrow({ where: { campaignId_chunkIndex: { campaignId, chunkIndex } }, select: { id: true, recipients: true } });
  try {
    const apiKey = await readApiKey(campaign.workspaceId);
    if (!apiKey) {
      await failChunk(chunk.id, campaignId, "no_key", storedWorkerError("noKey"));
      return;
    }
    const { sendingId } = await sendBulkSms(
      { apiKey, organizationId: campaign.organizationId },
      { to: chunk.recipients, message: campaign.message, serviceId: campaign.serviceId },
    );
    await db.sendRecord.update({ where: { id: chunk.id }, data: { state: "accepted", sendingId, finishedAt: new Date() } });
  } catch (error) {
    if (!isYazsanaError(error)) {
      await markChunkUnknown(campaign, chunk.id, chunkIndex, { errorKind: "internal" });
      throw error;
    }
    // A 429, or a connection Yazsana never accepted, proves nothing was taken: put the chunk
    // back and let the job retry with backoff, so the campaign goes on once Yazsana is back.
    if (error.kind === "rate_limited" || (error.kind === "unavailable" && neverConnected(error))) {
      await db.sendRecord.update({ where: { id: chunk.id }, data: { state: "queued", attemptedAt: null } });
      throw new RetryLater(`chunk ${chunkIndex} not sent (${error.kind}${error.cause?.code ? ` ${error.cause.code}` : ""}); retrying later`, {
        operation: error.operation,
        status: error.status,
        retryAfterSeconds: error.retryAfterSeconds,
        errorKind: error.kind,
      });
    }
    // The worker has no reader: it stores which sentence applies, and the campaign page words it for whoever looks.
    const failure = classifySendError(error, translatorFor("en", "yazsana"));
    const stored = storedYazsanaError(yazsanaErrorMessage(error));
    helpers.logger.warn(`campaign ${campaignId} chunk ${chunkIndex} ${failure.state}: ${error.message}`);
    if (failure.state === "unknown") {
      await markChunkUnknown(campaign, chunk.id, chunkIndex, { errorKind: failure.errorKind, errorMessage: stored });
    } else {
      await failChunk(chunk.id, campaignId, failure.errorKind, stored);
      return;
    }
  }
  await finishIfDone(campaignId);
};

/** A definite refusal: the chunk failed and the campaign stops until the user resumes it (`message` is a stored chunk error). */
async function failChunk(chunkId: string, campaignId: string, errorKind: string, message: string) {
  await db.$transaction([
    db.sendRecord.update({ where: { id: chunkId }, data: { state: "failed", errorKind, errorMessage: message, finishedAt: new Date() } }),
    db.campaign.updateMany({ where: { id: campaignId, state: "running" }, data: { state: "stopped", stopReason: message } }),
  ]);
}

type CampaignOwner = { id: string; workspaceId: string; userId: string | null };

/**
 * The chunk may have gone out: marked unknown (never resent automatically)
 * and written to the audit log with it, as a single send's unknown outcome is.
 */
async function markChunkUnknown(campaign: CampaignOwner, chunkId: string, chunkIndex: number, error: { errorKind: string; errorMessage?: string }) {
  await db.$transaction(async (tx) => {
    const marked = await tx.sendRecord.updateMany({ where: { id: chunkId, state: "pending" }, data: { state: "unknown", ...error, finishedAt: new Date() } });
    if (marked.count === 0) return;
    await recordAuditEvent(
      {
        workspaceId: campaign.workspaceId,
        actorId: campaign.userId,
        action: "campaign.chunk_unknown",
        target: chunkId,
        metadata: { campaignId: campaign.id, chunkIndex, error: error.errorKind },
      },
      tx,
    );
  });
}

async function settleInterrupted(campaignId: string, chunkIndex: number, helpers: JobHelpers) {
  const chunk = await db.sendRecord.findUnique({ where: { campaignId_chunkIndex: { campaignId, chunkIndex } }, select: { id: true, state: true, attemptedAt: true } });
  if (chunk?.state === "pending") {
    // Another run may still be waiting for Yazsana; only after its longest wait is the outcome truly unknown.
    const settledAfter = (chunk.attemptedAt?.getTime() ?? 0) + readYazsanaConfig().timeoutMs + 5_000;
    if (Date.now() < settledAfter) throw new RetryLater(`chunk ${chunkIndex} may still be in flight`);
    helpers.logger.warn(`campaign ${campaignId} chunk ${chunkIndex}: an earlier run died mid-request; outcome unknown, not resent`);
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { id: true, workspaceId: true, userId: true } });
    await markChunkUnknown(campaign, chunk.id, chunkIndex, { errorKind: "interrupted", errorMessage: storedWorkerError("interrupted") });
  }
  await finishIfDone(campaignId);
}

/** A running campaign with no chunk left to send is complete. */
async function finishIfDone(campaignId: string) {
  const open = await db.sendRecord.count({ where: { campaignId, state: { in: ["queued", "pending"] } } });
  if (open === 0) await db.campaign.updateMany({ where: { id: campaignId, state: "running" }, data: { state: "completed", finishedAt: new Date() } });
}

/** Each job runs in its own log context, so its lines (and its upstream calls) carry the job id and campaign. */
function withJobLogContext(name: string, task: Task): Task {
  return (payload, helpers) => runWithLogContext({ jobId: helpers.job.id, operation: name }, () => task(payload, helpers));
}

/** Expires approval requests nobody decided on, across workspaces (scheduled by CRONTAB). */
export const expireApprovalRequests: Task = async (_payload, helpers) => {
  const expired = await expireAllApprovals();
  if (expired > 0) helpers.logger.info(`expired ${expired} approval request(s)`);
};

export const campaignTasks = {
  [TASKS.start]: withJobLogContext(TASKS.start, startCampaign),
  [TASKS.chunk]: withJobLogContext(TASKS.chunk, sendCampaignChunk),
  [TASKS.expireApprovals]: withJobLogContext(TASKS.expireApprovals, expireApprovalRequests),
};
