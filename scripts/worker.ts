/**
 * `npm run worker`: runs bulk campaigns in the background (graphile-worker on
 * PostgreSQL). Needs the same DATABASE_URL, KEY_ENCRYPTION_KEYS and
 * YAZSANA_API_URL as the app. Run any number of them, on any machines sharing
 * the database; `npm run demo` starts one beside the app.
 *
 *   WORKER_CONCURRENCY (4): jobs at once in this process (chunks of one campaign always go one by one)
 *   WORKER_STALE_LOCK_SECONDS (120): a job locked longer than this belongs to a dead worker and is freed
 */
import { loadLocalEnv } from "./lib/local-env";

loadLocalEnv();

const positive = (name: string, fallback: number) => {
  const raw = process.env[name]?.trim();
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer.`);
  return value;
};

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set (npm run demo sets it for its own worker).");
  const { startCampaignWorker } = await import("@/lib/sending/worker/run-worker");
  const { closeYazsanaDispatcher } = await import("@/lib/yazsana");
  const worker = await startCampaignWorker({
    concurrency: positive("WORKER_CONCURRENCY", 4),
    staleLockSeconds: positive("WORKER_STALE_LOCK_SECONDS", 120),
  });
  const { componentLogger } = await import("@/lib/log/logger");
  componentLogger("worker").info("campaign worker running; Ctrl-C stops it after the jobs in hand");
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop();
    await closeYazsanaDispatcher();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: Error) => {
  console.error(`The campaign worker could not start: ${error.message}`);
  process.exit(1);
});
