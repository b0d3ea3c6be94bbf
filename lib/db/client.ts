import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { componentLogger } from "@/lib/log/logger";
import { PrismaClient } from "./generated/client";
import { readPoolConfig } from "./pool-config";

/**
 * Secret columns are left out of every query unless it selects them by name,
 * so a careless `findMany()` can't carry them toward a page or a log.
 */
const SECRET_COLUMNS = {
  user: { passwordHash: true },
  apiCredential: { ciphertext: true, iv: true, authTag: true, wrappedDataKey: true, wrapIv: true, wrapAuthTag: true },
} as const;

function createPool(): pg.Pool {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the portal with `npm run demo`, or set DATABASE_URL.");
  }
  // Idle connections don't hold a finished script open.
  const pool = new pg.Pool({ ...readPoolConfig(connectionString), allowExitOnIdle: true });
  pool.on("error", (error) => componentLogger("database").error({ error: error.message }, "idle database connection failed"));
  return pool;
}

function createClient(pool: pg.Pool) {
  return new PrismaClient({
    adapter: new PrismaPg(pool),
    omit: SECRET_COLUMNS,
  });
}

// Hot reload re-evaluates modules; keeping the client on globalThis keeps one
// pool per process instead of one per edit.
type Database = ReturnType<typeof createClient>;
const globalForPrisma = globalThis as unknown as { prisma?: Database; pool?: pg.Pool };

function pool(): pg.Pool {
  globalForPrisma.pool ??= createPool();
  return globalForPrisma.pool;
}

function client(): Database {
  globalForPrisma.prisma ??= createClient(pool());
  return globalForPrisma.prisma;
}

/** Prisma leaves a pool it was given open: `db.$disconnect()` ends ours too, and the next use starts afresh. */
async function disconnect(): Promise<void> {
  const { prisma, pool } = globalForPrisma;
  globalForPrisma.prisma = undefined;
  globalForPrisma.pool = undefined;
  await prisma?.$disconnect();
  await pool?.end();
}

/**
 * The one Prisma client. Created on first use rather than on import, because
 * `next build` imports route modules without a database to talk to.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    if (property === "$disconnect") return disconnect;
    const instance = client();
    const value = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});

/**
 * One SQL statement sent as it is, on the Prisma client's own pool: for the
 * few reads every page makes (the signed-in user, the key and organization
 * choice, the report's senders). Prisma compiles even a `$queryRaw` into a
 * query plan in its wasm engine on every call, ~0.4 ms of CPU where pg needs
 * ~0.04 ms. Each `${value}` becomes a parameter ($1, $2…), never text. Rows
 * come as pg reads them: json parsed, timestamps as Dates, bytea as Buffers.
 */
export async function sql<Row extends pg.QueryResultRow>(strings: TemplateStringsArray, ...values: unknown[]): Promise<Row[]> {
  const text = strings.reduce((statement, part, index) => `${statement}$${index}${part}`);
  const { rows } = await pool().query<Row>({ text, values });
  return rows;
}
