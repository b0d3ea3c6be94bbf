import path from "node:path";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { loadLocalEnv } from "./scripts/lib/local-env";

loadLocalEnv();

// Without DATABASE_URL the CLI falls back to the classic engine and tries to
// download it, which these machines cannot do. `prisma generate` never
// connects, so a placeholder is enough for it; commands that do connect get the
// real URL from scripts/db-migrate.ts or the environment.
process.env.DATABASE_URL ??= "postgresql://placeholder@127.0.0.1:1/placeholder";

/**
 * Workaround for prisma/orm#27403: the wasm schema engine cannot read catalog
 * columns of Postgres' `name` (OID 19) and `"char"` (OID 18) types through
 * adapter-pg, which breaks `migrate deploy`, `status` and `diff`. Reporting
 * them as `text` (OID 25) is harmless because all three arrive as strings. Patched in the CLI process only —
 * this file is never loaded by the app.
 */
const CATALOG_STRING_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

function reportCatalogStringsAsText(): void {
  const require = createRequire(import.meta.url);
  const Result = require("pg/lib/result.js") as {
    prototype: { addFields(fields: Array<{ dataTypeID: number }>): void };
  };
  const addFields = Result.prototype.addFields;
  Result.prototype.addFields = function (fields) {
    for (const field of fields) if (CATALOG_STRING_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    return addFields.call(this, fields);
  };
}
reportCatalogStringsAsText();

/**
 * adapter-pg's shadow database (used by `migrate diff --from-migrations`) has
 * two bugs: it is opened with `{ ...config, database }`, which a connection
 * string silently overrides, so we pass explicit fields; and it is dropped
 * while its own pool is still connected, so we end that pool first.
 */
function connectionFields(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)) || "postgres",
  };
}

class CliPrismaPg extends PrismaPg {
  constructor(private readonly fields: ReturnType<typeof connectionFields>) {
    super(fields);
  }

  override async connectToShadowDb() {
    const maintenance = await this.connect();
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await maintenance.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...this.fields, database }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await maintenance.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await maintenance.dispose();
    };
    return shadow;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new CliPrismaPg(connectionFields(process.env.DATABASE_URL!));
  },
});
