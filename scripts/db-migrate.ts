/** Applies pending migrations to DATABASE_URL, or to the embedded demo database. */
import { loadLocalEnv } from "./lib/local-env";
import { openMigratedDatabase } from "./lib/demo-database";

loadLocalEnv();
const { server } = await openMigratedDatabase();
await server.stop();
console.log("Migrations applied.");
