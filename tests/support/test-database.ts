import { randomBytes } from "node:crypto";
import { createDatabaseIfMissing, dropDatabase, withDatabase } from "@/scripts/lib/postgres";

/**
 * The test runner (scripts/test.ts) migrates one template database and passes
 * its server and name here; every test file gets its own copy, so files run in
 * parallel without seeing each other's rows.
 */
export function testDatabaseSettings() {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  const template = process.env.TEST_DATABASE_TEMPLATE;
  if (!adminUrl || !template) {
    throw new Error("Integration tests need TEST_DATABASE_ADMIN_URL and TEST_DATABASE_TEMPLATE: run them with `npm test`.");
  }
  const host = new URL(adminUrl).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host) && process.env.ALLOW_REMOTE_TEST_DATABASE !== "1") {
    throw new Error(`Refusing to create test databases on ${host}: set ALLOW_REMOTE_TEST_DATABASE=1 if that is intended.`);
  }
  return { adminUrl, template };
}

export async function createDatabaseFromTemplate(prefix: string): Promise<{ name: string; url: string }> {
  const { adminUrl, template } = testDatabaseSettings();
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  await createDatabaseIfMissing(adminUrl, name, template);
  return { name, url: withDatabase(adminUrl, name) };
}

export async function dropTestDatabase(name: string): Promise<void> {
  await dropDatabase(testDatabaseSettings().adminUrl, name);
}
