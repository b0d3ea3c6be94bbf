import "server-only";
import pg from "pg";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { readPoolConfig } from "@/lib/db/pool-config";
import { rateLimitRules, type RateLimiterName } from "./rate-limit-rules";
import { componentLogger } from "@/lib/log/logger";

/** Created by prisma/migrations/…_rate_limiter_flexible; the library never runs DDL. */
export const RATE_LIMIT_TABLE = "rate_limits";

const RATE_LIMIT_POOL_SIZE = 3;

type Limiters = { pool: pg.Pool; byName: Record<RateLimiterName, RateLimiterPostgres> };

// On globalThis: Next.js bundles routes, actions and instrumentation
// separately, each with its own copy of this module; one set of limiters and
// one small pool per process serves them all.
const LIMITERS_KEY = Symbol.for("yazsana-portal.rate-limiters");
const globalStore = globalThis as { [LIMITERS_KEY]?: Limiters };

function createLimiters(): Limiters {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: rate limits are kept in PostgreSQL.");
  // rate-limiter-flexible speaks to a `pg` Pool, not to Prisma. The same
  // timeouts as the main pool (DATABASE_*_TIMEOUT_MS) keep a stalled database
  // from holding a login open; a few connections suffice, each check being
  // one short upsert.
  const pool = new pg.Pool({ ...readPoolConfig(connectionString), max: RATE_LIMIT_POOL_SIZE, allowExitOnIdle: true });
  pool.on("error", (error) => componentLogger("rate-limit").error({ error: error.message }, "idle database connection failed"));
  const rules = rateLimitRules();
  const byName = {} as Record<RateLimiterName, RateLimiterPostgres>;
  let first = true;
  for (const [name, rule] of Object.entries(rules) as Array<[RateLimiterName, (typeof rules)[RateLimiterName]]>) {
    byName[name] = new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      keyPrefix: name,
      points: rule.points,
      duration: rule.durationSeconds,
      blockDuration: "blockSeconds" in rule ? rule.blockSeconds : 0,
      // All limiters share the table; one of them deleting rows that expired
      // over an hour ago (every 5 minutes) keeps it from growing without bound.
      clearExpiredByTimeout: first,
    });
    first = false;
  }
  return { pool, byName };
}

export function limiter(name: RateLimiterName): RateLimiterPostgres {
  globalStore[LIMITERS_KEY] ??= createLimiters();
  return globalStore[LIMITERS_KEY].byName[name];
}

/**
 * Deletes every row whose window ended before `before` (epoch ms). The
 * limiters already do this every few minutes; exposed for tests and tools.
 */
export async function deleteExpiredRateLimits(before: number): Promise<number> {
  globalStore[LIMITERS_KEY] ??= createLimiters();
  const result = await globalStore[LIMITERS_KEY].pool.query(`DELETE FROM ${RATE_LIMIT_TABLE} WHERE expire < $1`, [before]);
  return result.rowCount ?? 0;
}

/** Closes the pool (tests, scripts); the next call opens a new one. */
export async function closeRateLimiters(): Promise<void> {
  const store = globalStore[LIMITERS_KEY];
  delete globalStore[LIMITERS_KEY];
  await store?.pool.end();
}
