import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
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

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the portal with `npm run demo`, or set DATABASE_URL.");
  }
  return new PrismaClient({
    adapter: new PrismaPg(readPoolConfig(connectionString)),
    omit: SECRET_COLUMNS,
  });
}

// Hot reload re-evaluates modules; keeping the client on globalThis keeps one
// pool per process instead of one per edit.
type Database = ReturnType<typeof createClient>;
const globalForPrisma = globalThis as unknown as { prisma?: Database };

function client(): Database {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

/**
 * The one Prisma client. Created on first use rather than on import, because
 * `next build` imports route modules without a database to talk to.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const instance = client();
    const value = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});
