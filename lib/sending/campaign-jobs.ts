import "server-only";
import { Logger, runMigrations, type Job } from "graphile-worker";
import type { Prisma } from "@/lib/db/generated/client";
import { componentLogger, type Logger as PortalLogger } from "@/lib/log/logger";
import { isRetryLater } from "./worker/retry-later";

/** graphile-worker task names. */
export const TASKS = { start: "campaign-start", chunk: "campaign-chunk", expireApprovals: "spending-expire-approvals" } as const;

/** graphile-worker crontab: approval requests past their 7 days are expired (and their requesters emailed) every 10 minutes. */
export const CRONTAB = `*/10 * * * * ${TASKS.expireApprovals}`;

let schemaReady: Promise<void> | undefined;

/**
 * graphile-worker keeps its jobs in its own schema, installed by its own
 * migrations; the app enqueues with SQL inside its transactions, so the
 * schema must exist before the first enqueue. Once per process.
 */
export function ensureJobSchema(): Promise<void> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set.");
  schemaReady ??= runMigrations({ connectionString, logger: quietLogger() }).catch((error: unknown) => {
    schemaReady = undefined;
    throw error;
  });
  return schemaReady;
}

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

/**
 * Queues the campaign's start at `runAt` (now when null) in the caller's
 * transaction: the state change and the job commit together or not at all.
 * The job key makes a second enqueue replace, not duplicate, the job.
 */
export async function enqueueCampaignStart(tx: Tx, campaignId: string, runAt: Date | null): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${TASKS.start}::text,
    json_build_object('campaignId', ${campaignId}::text),
    job_key := ${`campaign-start:${campaignId}`}::text,
    run_at := ${runAt ?? new Date()}::timestamptz,
    max_attempts := 10
  )`;
}

/** Removes a scheduled start that has not run yet (cancel). */
export async function removeCampaignStart(tx: Tx, campaignId: string): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.remove_job(${`campaign-start:${campaignId}`}::text)`;
}

/**
 * graphile-worker's own lines, into the portal's log; its info lines (every
 * migration step, every job) only at debug level. A job that failed with
 * RetryLater was refused for now by Yazsana as expected and will run again:
 * one warning line with what was refused and when it may go again, without
 * graphile-worker's stack. Anything else keeps its error line and stack.
 */
export function quietLogger(log: PortalLogger = componentLogger("worker")): Logger {
  return new Logger(() => (level, message, meta) => {
    const failure = meta as { failure?: boolean; job?: Job; error?: unknown } | undefined;
    if (level === "error" && failure?.failure && failure.job && isRetryLater(failure.error)) {
      const { job, error } = failure;
      const fields = { task: job.task_identifier, jobId: job.id, ...error.details, attempt: job.attempts, maxAttempts: job.max_attempts };
      if (job.attempts >= job.max_attempts) log.error(fields, `job gave up after its last attempt: ${error.message}`);
      else log.warn(fields, `job retried later: ${error.message}`);
    } else if (level === "error") log.error(message);
    else if (level === "warning") log.warn(message);
    else log.debug(message);
  });
}
