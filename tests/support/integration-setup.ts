import { afterAll } from "vitest";
import { createDatabaseFromTemplate, dropTestDatabase } from "./test-database";

// Runs before each integration test file, before lib/db is imported, so the
// Prisma singleton connects to this file's own database.
const database = await createDatabaseFromTemplate("it");
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  const { closeRateLimiters } = await import("@/lib/rate-limit/limiter-store");
  await Promise.all([db.$disconnect(), closeRateLimiters()]);
  await dropTestDatabase(database.name);
});
