import { describe, expect, it } from "vitest";
import { checkDatabase } from "@/lib/db/check-database";
import { db } from "@/lib/db/client";

describe("database health check", () => {
  it("reports ok when the database answers", async () => {
    await expect(checkDatabase()).resolves.toEqual({ ok: true });
  });

  it("runs against a migrated database of its own", async () => {
    const rows = await db.$queryRaw<Array<{ name: string }>>`SELECT current_database()::text AS name`;
    expect(rows[0]?.name).toMatch(/^it_[0-9a-f]{10}$/);
    await expect(db.user.count()).resolves.toBe(0);
  });
});
