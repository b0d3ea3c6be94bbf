import { randomBytes } from "node:crypto";
import pg from "pg";
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
  // This process just started the scratch server, so nothing else is using it:
  // databases left by an interrupted run can go. (Never on DATABASE_URL's
  // server, where another run may be working.)
  if (server.embedded) await dropLeftoverTestDatabases(server.adminUrl);
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

/** Names our test runs give their throwaway databases (see scripts/test.ts and tests/support). */
const THROWAWAY_DATABASE = /^(yazsana_test_template|yazsana_e2e|yazsana_bench|yazsana_load|it|migration_scratch)_[0-9a-f]+$/;

async function dropLeftoverTestDatabases(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  let names: string[];
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE NOT datistemplate");
    names = rows.map((row) => row.datname).filter((name) => THROWAWAY_DATABASE.test(name));
  } finally {
    await client.end();
  }
  for (const name of names) await dropDatabase(adminUrl, name);
  if (names.length) console.log(`Dropped ${names.length} database(s) left by an interrupted run.`);
}
