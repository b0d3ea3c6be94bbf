import { expect, it } from "vitest";

it("answers 503 with a reason when the database is unreachable", async () => {
  // Nothing listens on port 1; set before the Prisma singleton is first imported.
  process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:1/none";
  const { GET } = await import("@/app/api/health/route");
  const response = await GET();
  expect(response.status).toBe(503);
  expect(await response.json()).toEqual({ status: "error", db: "error", reason: "database unreachable" });
});
