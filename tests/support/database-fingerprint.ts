import { db } from "@/lib/db/client";

/**
 * A digest of every row of every table the app writes, to prove a refused
 * request changed nothing. Rate-limit counters are left out: counting refused
 * attempts is their job.
 */
const IGNORED = new Set(["rate_limits", "_prisma_migrations"]);

let query: string | undefined;

/** One statement: a row count and an md5 of the rows per table (and the job queue's length). */
async function fingerprintQuery(): Promise<string> {
  const tables = await db.$queryRawUnsafe<Array<{ name: string; schema: string }>>(
    `SELECT table_name::text AS name, table_schema::text AS schema FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND (table_schema = 'public' OR (table_schema = 'graphile_worker' AND table_name = '_private_jobs')) ORDER BY 2, 1`,
  );
  return tables
    .filter(({ name }) => !IGNORED.has(name))
    .map(
      ({ name, schema }) =>
        `SELECT '${schema}.${name}'::text AS name, count(*)::int AS rows, ${schema === "public" ? "md5(string_agg(t::text, '|' ORDER BY t::text))" : "''"} AS digest FROM "${schema}"."${name}" t`,
    )
    .join(" UNION ALL ");
}

export async function databaseFingerprint(): Promise<Record<string, string>> {
  query ??= await fingerprintQuery();
  const rows = await db.$queryRawUnsafe<Array<{ name: string; rows: number; digest: string | null }>>(query);
  return Object.fromEntries(rows.map((row) => [row.name, `${row.rows}:${row.digest ?? ""}`]));
}

/** The tables whose digest differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((name) => before[name] !== after[name]).sort();
}
