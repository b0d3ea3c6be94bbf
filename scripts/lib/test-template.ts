import { randomBytes } from "node:crypto";
import { createDatabaseIfMissing, dropDatabase, openDatabaseServer, withDatabase, type DatabaseServer } from "./postgres";
import { migrate } from "./run";

export type TestTemplate = {
  server: DatabaseServer;
  template: string;
  /** What vitest needs to clone per-file databases (tests/support/test-database.ts). */
  env: { TEST_DATABASE_ADMIN_URL: string; TEST_DATABASE_TEMPLATE: string };
};

/**
 * Opens the test database server, migrates a throwaway template database,
 * runs `work`, then drops the template and stops the server.
 */
export async function withTestTemplate<T>(work: (template: TestTemplate) => Promise<T>): Promise<T> {
  const server = await openDatabaseServer("scratch");
  const template = `yazsana_test_template_${randomBytes(4).toString("hex")}`;
  try {
    await createDatabaseIfMissing(server.adminUrl, template);
    await migrate(withDatabase(server.adminUrl, template), true);
    return await work({ server, template, env: { TEST_DATABASE_ADMIN_URL: server.adminUrl, TEST_DATABASE_TEMPLATE: template } });
  } finally {
    await dropDatabase(server.adminUrl, template).catch(() => {});
    await server.stop();
  }
}
