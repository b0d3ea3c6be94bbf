import { describe, expect, it } from "vitest";

// A pool of one connection with short bounds, set before the Prisma singleton
// is first imported (it reads them once).
process.env.DATABASE_POOL_SIZE = "1";
process.env.DATABASE_CONNECT_TIMEOUT_MS = "300";
process.env.DATABASE_STATEMENT_TIMEOUT_MS = "3000";

const { db } = await import("@/lib/db/client");
const { GET: health } = await import("@/app/api/health/route");

/** Keeps the pool's only connection busy for `seconds` (Prisma queries start only when awaited: start it now). */
const occupyPool = (seconds: number) => db.$queryRaw`SELECT pg_sleep(${seconds})::text AS slept`.then(() => "done");

describe("database timeouts", () => {
  it("cancels a statement that runs past DATABASE_STATEMENT_TIMEOUT_MS instead of waiting for it", async () => {
    await expect(db.$queryRaw`SELECT pg_sleep(10)::text AS slept`).rejects.toThrow(/statement timeout|canceling statement/i);
    // The connection is usable again afterwards.
    await expect(db.$queryRaw`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);
  });

  it("gives up waiting for a connection after DATABASE_CONNECT_TIMEOUT_MS when the pool is exhausted", async () => {
    const busy = occupyPool(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(db.user.count()).rejects.toThrow(/timeout/i);
    await expect(busy).resolves.toBe("done");
  });

  it("answers /api/health with 503 while the pool is exhausted, without waiting for a connection", async () => {
    const busy = occupyPool(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const response = await health();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "error", db: "error" });
    await busy;
    expect((await health()).status).toBe(200);
  });
});
