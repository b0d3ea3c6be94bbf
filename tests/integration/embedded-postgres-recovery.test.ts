import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres, type DatabaseServer } from "@/scripts/lib/postgres";

const root = path.resolve(import.meta.dirname, "..", "..");
const parent = mkdtempSync(path.join(tmpdir(), "yazsana-pg-"));
// The postgres system user must be able to reach the data folder.
chmodSync(parent, 0o755);
const dataDir = path.join(parent, "data");
let restarted: DatabaseServer | undefined;

afterAll(async () => {
  await restarted?.stop();
  rmSync(parent, { recursive: true, force: true });
});

/** Starts an embedded server in a child process, then kills that process outright, orphaning PostgreSQL. */
async function startAndKillOwner(port: number) {
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
  child.kill("SIGKILL");
  await new Promise((resolve) => child.once("exit", resolve));
}

it("a start after a killed demo stops the orphaned PostgreSQL and comes up on the same data", async () => {
  const port = await freePort();
  await startAndKillOwner(port);
  restarted = await startEmbeddedPostgres(dataDir, port);
  const client = new pg.Client({ connectionString: restarted.adminUrl });
  await client.connect();
  const { rows } = await client.query("SELECT 1 AS answer");
  await client.end();
  expect(rows[0]).toEqual({ answer: 1 });
}, 60_000);
