import type { PoolConfig } from "pg";

/**
 * Bounds on every database wait, so an unreachable or overloaded database
 * turns into a prompt error instead of requests (and health probes) that hang
 * and pile up. All values in milliseconds, overridable per deployment.
 */
export const POOL_DEFAULTS = {
  DATABASE_POOL_SIZE: 10,
  // Opening a connection, or waiting for a free one when all are busy.
  DATABASE_CONNECT_TIMEOUT_MS: 5_000,
  // Longest single statement; also the longest a transaction may sit idle.
  DATABASE_STATEMENT_TIMEOUT_MS: 15_000,
  // A pooled connection unused this long is closed.
  DATABASE_IDLE_TIMEOUT_MS: 30_000,
} as const;

type PoolSetting = keyof typeof POOL_DEFAULTS;
type Env = Readonly<Record<string, string | undefined>>;

// The server-side statement_timeout cannot fire when the network itself is
// gone; pg's client-side query_timeout, a little later, covers that case.
const CLIENT_GRACE_MS = 1_000;

export function readPoolConfig(connectionString: string, env: Env = process.env): PoolConfig {
  const statementTimeout = readSetting(env, "DATABASE_STATEMENT_TIMEOUT_MS");
  return {
    connectionString,
    max: readSetting(env, "DATABASE_POOL_SIZE"),
    connectionTimeoutMillis: readSetting(env, "DATABASE_CONNECT_TIMEOUT_MS"),
    idleTimeoutMillis: readSetting(env, "DATABASE_IDLE_TIMEOUT_MS"),
    statement_timeout: statementTimeout,
    idle_in_transaction_session_timeout: statementTimeout,
    query_timeout: statementTimeout + CLIENT_GRACE_MS,
  };
}

function readSetting(env: Env, name: PoolSetting): number {
  const raw = env[name]?.trim();
  if (!raw) return POOL_DEFAULTS[name];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1 (got "${raw}").`);
  return value;
}
