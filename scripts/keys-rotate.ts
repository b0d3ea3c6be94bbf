/**
 * `npm run keys:rotate`: re-wraps every stored Yazsana API key under the
 * newest master key in KEY_ENCRYPTION_KEYS, while the portal keeps running.
 *
 *   1. add the new key: KEY_ENCRYPTION_KEYS=v1:…,v2:…  (app and this command)
 *   2. restart the app, so new keys are sealed with v2
 *   3. npm run keys:rotate                              (until its check says nothing is left)
 *   4. remove v1 from KEY_ENCRYPTION_KEYS everywhere
 *
 * From step 3 on, an app instance whose newest key is still v1 refuses to
 * store new keys (and logs why) instead of sealing them with v1.
 * Uses DATABASE_URL, or the demo's embedded PostgreSQL when it is unset.
 * Exits 1 when any key could not be re-wrapped, or when the final check
 * finds a stored key still under an older version or binding.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { openMigratedDatabase } from "./lib/demo-database";
import { loadLocalEnv } from "./lib/local-env";
import { demoDataDir, type DatabaseServer } from "./lib/postgres";
import { assertKeyEncryptionKeysConfigured } from "../lib/crypto/key-encryption-keys";
import { isKeyCustodyError } from "../lib/crypto/key-custody-error";

async function openDatabase(): Promise<DatabaseServer | undefined> {
  if (process.env.DATABASE_URL) return undefined;
  if (!existsSync(path.join(demoDataDir(), "PG_VERSION"))) {
    fail(
      "DATABASE_URL is not set and there is no demo database (in PORTAL_DATA_DIR, default .data/postgres). " +
        "Set DATABASE_URL to the database whose stored keys should be re-wrapped.",
    );
  }
  console.log("DATABASE_URL is not set: using the demo's embedded PostgreSQL.");
  try {
    const { url, server } = await openMigratedDatabase();
    process.env.DATABASE_URL = url;
    return server;
  } catch (error) {
    const port = process.env.EMBEDDED_POSTGRES_PORT || 54329;
    fail(
      `${error instanceof Error ? error.message : String(error)}\n` +
        `If the demo is running, point this command at its database instead: ` +
        `DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:${port}/yazsana npm run keys:rotate`,
    );
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

async function main(): Promise<number> {
  loadLocalEnv();
  try {
    const { versions, newest } = assertKeyEncryptionKeysConfigured();
    console.log(`Master keys configured: ${versions.join(", ")} (newest: ${newest}).`);
  } catch (error) {
    if (isKeyCustodyError(error)) fail(error.message);
    throw error;
  }

  const server = await openDatabase();
  // Imported only now: the Prisma client reads DATABASE_URL when first used.
  const { db } = await import("../lib/db/client");
  const { rotateStoredApiKeys } = await import("../lib/api-key/rotate-stored-api-keys");
  try {
    const report = await rotateStoredApiKeys();
    console.log(
      `${plural(report.total, "stored key", "stored keys")}: ${report.rewrapped} re-wrapped under ${report.newestVersion}, ` +
        `${report.alreadyCurrent} already current, ${report.failed.length} failed`,
    );
    for (const failure of report.failed) console.error(`  workspace ${failure.workspaceId} [${failure.code}]: ${failure.message}`);
    const older = Object.entries(report.check.olderMasterKeys);
    const olderCount = older.reduce((sum, [, count]) => sum + count, 0);
    if (olderCount === 0 && report.check.olderBinding === 0) {
      console.log(`Check: every stored key is sealed under ${report.newestVersion} and bound to its credential; older master keys may be removed.`);
    } else {
      console.error(
        `Check: ${plural(olderCount, "stored key is", "stored keys are")} still under an older master key` +
          `${older.length ? ` (${older.map(([version, count]) => `${version}: ${count}`).join(", ")})` : ""}, ` +
          `${plural(report.check.olderBinding, "is", "are")} still bound to the workspace only. Do not remove older master keys yet: ` +
          `fix the failures above, make sure every app instance has ${report.newestVersion} in KEY_ENCRYPTION_KEYS, and run again.`,
      );
    }
    return report.failed.length > 0 || olderCount > 0 || report.check.olderBinding > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
    await server?.stop();
  }
}

process.exit(await main());
