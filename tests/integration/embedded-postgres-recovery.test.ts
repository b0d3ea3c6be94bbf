import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { freePort, isProcessAlive, startEmbeddedPostgres, type DatabaseServer } from "@/scripts/lib/postgres";

const root = path.resolve(import.meta.dirname, "..", "..");
const parent = mkdtempSync(path.join(tmpdir(), "yazsana-pg-"));
// The postgres system user must be able to reach the data folder.
chmodSync(parent, 0o755);
const dataDir = path.join(parent, "data");
let restarted: DatabaseServer | undefined;
const ADMIN_URL = (port: number) => `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;

afterAll(async () => {
  await restarted?.stop();
  rmSync(parent, { recursive: true, force: true });
});

/** The postmaster's process id, from the lock file PostgreSQL keeps in its data folder. */
const postmasterPid = () => Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);

async function query<T extends pg.QueryResultRow>(port: number, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: ADMIN_URL(port) });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Starts an embedded server in a child process, writes a row through it, then
 * kills that process outright, orphaning PostgreSQL. Returns the orphan's pid.
 */
async function startWriteAndKillOwner(port: number, marker: string): Promise<number> {
  const script = `
    import { startEmbeddedPostgres } from ${JSON.stringify(path.join(root, "scripts/lib/postgres.ts"))};
    await startEmbeddedPostgres(${JSON.stringify(dataDir)}, ${port});
    console.log("up");
    setInterval(() => {}, 1000);`;
  const scriptFile = path.join(parent, "owner.mts");
  writeFileSync(scriptFile, script);
  // Node itself (not the tsx wrapper, which would outlive nothing): this process owns the server.
  const child = spawn(process.execPath, ["--import", "tsx", scriptFile], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("up") && resolve());
    child.on("exit", (code) => reject(new Error(`child exited early (${code})`)));
  });
  await query(port, "CREATE TABLE survivor (marker text NOT NULL)");
  await query(port, "INSERT INTO survivor (marker) VALUES ($1)", [marker]);
  const orphan = postmasterPid();
  child.kill("SIGKILL");
  await new Promise((resolve) => child.once("exit", resolve));
  return orphan;
}

it("a start after a killed demo stops the orphaned PostgreSQL and comes up on the same data", async () => {
  const port = await freePort();
  const marker = `written before the kill ${Date.now()}`;
  const orphan = await startWriteAndKillOwner(port, marker);
  expect(isProcessAlive(orphan), "the orphan runs once its owner is killed").toBe(true);

  restarted = await startEmbeddedPostgres(dataDir, port);
  expect(isProcessAlive(orphan), "the orphaned postmaster is gone").toBe(false);
  expect(postmasterPid()).not.toBe(orphan);
  expect(await query<{ marker: string }>(port, "SELECT marker FROM survivor")).toEqual([{ marker }]);
}, 60_000);
