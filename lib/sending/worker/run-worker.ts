import "server-only";
import { makeWorkerUtils, run, type Runner } from "graphile-worker";
import { CRONTAB, ensureJobSchema, quietLogger } from "../campaign-jobs";
import { componentLogger, type Logger } from "@/lib/log/logger";
import { startProcessLogging } from "@/lib/log/start-process-logging";
import { campaignTasks } from "./campaign-tasks";

export type CampaignWorker = { runner: Runner; stop(): Promise<void> };

/**
 * One worker process: runs campaign jobs from the shared database. Start as
 * many as you like, on any machine that reaches the database.
 *
 * A worker killed mid-job leaves its jobs locked (graphile-worker frees them
 * only after 4 hours). Our jobs never take longer than one upstream timeout,
 * so locks older than `staleLockSeconds` belong to a dead worker and are freed
 * at start and every half minute; the chunk job then finds its chunk "pending"
 * and marks it unknown instead of sending it again.
 */
export async function startCampaignWorker(
  options: { concurrency?: number; staleLockSeconds?: number; pollIntervalMs?: number; /** Where its lines go (tests); the worker component of the process's logger by default. */ log?: Logger } = {},
): Promise<CampaignWorker> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set.");
  startProcessLogging({ requests: false });
  await ensureJobSchema();
  const logger = quietLogger(options.log);
  const utils = await makeWorkerUtils({ connectionString, logger });
  const staleLockSeconds = options.staleLockSeconds ?? 120;

  async function unlockStale() {
    const { rows } = await utils.withPgClient((client) =>
      client.query<{ locked_by: string }>(
        "SELECT DISTINCT locked_by FROM graphile_worker.jobs WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $1)",
        [staleLockSeconds],
      ),
    );
    if (rows.length) await utils.forceUnlockWorkers(rows.map((row) => row.locked_by));
  }
  await unlockStale();
  const timer = setInterval(() => void unlockStale().catch((error: Error) => componentLogger("worker").error({ error: error.message }, "freeing stale job locks failed")), Math.min(30_000, staleLockSeconds * 1000));

  const runner = await run({
    connectionString,
    concurrency: options.concurrency ?? 4,
    pollInterval: options.pollIntervalMs ?? 1_000,
    noHandleSignals: true,
    logger,
    taskList: campaignTasks,
    crontab: CRONTAB,
  });
  return {
    runner,
    async stop() {
      clearInterval(timer);
      await runner.stop();
      await runner.promise.catch(() => undefined);
      await utils.release();
    },
  };
}
