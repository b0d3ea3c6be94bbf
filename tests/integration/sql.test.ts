import { describe, expect, it } from "vitest";
import { sql } from "@/lib/db/client";

/** lib/db/client.ts's `sql`: the hot-path reads' way to PostgreSQL, beside Prisma on the same pool. */
describe("sql", () => {
  it("sends every value as a parameter, never as SQL text", async () => {
    const hostile = "x'); DROP TABLE users; --";
    const rows = await sql<{ echoed: string; users: number }>`SELECT ${hostile}::text AS echoed, (SELECT count(*)::int FROM users) AS users`;
    expect(rows).toEqual([{ echoed: hostile, users: expect.any(Number) }]);
  });

  it("numbers the parameters in order and passes arrays as arrays", async () => {
    const rows = await sql<{ first: string; second: number; third: string[] }>`SELECT ${"a"}::text AS first, ${2}::int AS second, ${["b", "c"]}::text[] AS third`;
    expect(rows).toEqual([{ first: "a", second: 2, third: ["b", "c"] }]);
  });

  it("reads with the pool's statement timeout, like Prisma's queries", async () => {
    const [row] = await sql<{ timeout: string }>`SELECT current_setting('statement_timeout') AS timeout`;
    expect(row?.timeout).not.toBe("0");
  });
});
