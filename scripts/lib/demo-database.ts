import { createDatabaseIfMissing, openDatabaseServer, withDatabase, type DatabaseServer } from "./postgres";
import { migrate } from "./run";

export const DEMO_DATABASE = "yazsana";

/**
 * DATABASE_URL when set; otherwise the embedded server with the demo's own
 * database, created on first use. Migrations are applied either way.
 */
export async function openMigratedDatabase(): Promise<{ url: string; server: DatabaseServer }> {
  const server = await openDatabaseServer("demo");
  try {
    const url = process.env.DATABASE_URL || withDatabase(server.adminUrl, DEMO_DATABASE);
    if (server.embedded) await createDatabaseIfMissing(server.adminUrl, DEMO_DATABASE);
    await migrate(url, true);
    return { url, server };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
