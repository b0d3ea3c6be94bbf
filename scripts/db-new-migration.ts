/**
 * Creates a migration from the difference between prisma/migrations and
 * prisma/schema.prisma, offline: `migrate dev` needs a shadow database that
 * adapter-pg mishandles (see prisma.config.ts), so prisma.config.ts
 * mends it and we diff the migrations folder against the schema with
 * `migrate diff`, connected to a scratch database.
 *
 *   npm run db:new-migration -- add_invites
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { loadLocalEnv, PROJECT_ROOT } from "./lib/local-env";
import { createDatabaseIfMissing, dropDatabase, openDatabaseServer, withDatabase } from "./lib/postgres";
import { BIN } from "./lib/run";

loadLocalEnv();
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name_in_snake_case>");
  process.exit(2);
}

const server = await openDatabaseServer("scratch");
const scratch = `migration_scratch_${randomBytes(4).toString("hex")}`;
try {
  await createDatabaseIfMissing(server.adminUrl, scratch);
  const url = withDatabase(server.adminUrl, scratch);
  const { stdout } = await promisify(execFile)(
    BIN("prisma"),
    ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: url } },
  );
  if (!stdout.trim() || /^-- This is an empty migration/m.test(stdout)) {
    console.log("The schema matches the migrations: nothing to create.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const folder = path.join(PROJECT_ROOT, "prisma", "migrations", `${stamp}_${name}`);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "migration.sql"), stdout);
    console.log(`Created ${path.relative(PROJECT_ROOT, folder)}/migration.sql — review it, then npm run db:migrate.`);
  }
} finally {
  await dropDatabase(server.adminUrl, scratch).catch(() => {});
  await server.stop();
}
