/**
 * `npm run sim`: the Yazsana simulator as a standalone server.
 *
 *   YAZSANA_SIM_PORT (4010) · YAZSANA_SIM_HOST (127.0.0.1) · YAZSANA_SIM_DEMO_KEY (random when unset)
 *   YAZSANA_SIM_SEED (1) · YAZSANA_SIM_TICK_MS (1000; 0 = only POST /__sim/tick advances)
 *   YAZSANA_SIM_SNAPSHOT (state file; unset = in memory only) · YAZSANA_SIM_ADMIN=1 (test controls)
 *   YAZSANA_SIM_API_VERSION (1.2.0 | 1.0.0) · YAZSANA_SIM_FIXTURE (a JSON fixture file; default sim/fixture.json)
 *   YAZSANA_SIM_BULK_MAX (most numbers in one bulk send; default 250000)
 *   YAZSANA_SIM_REFUSABLE_PORT (also serve on this port, which POST /__sim/refuse closes and reopens; unset = none)
 *
 * GET /__sim/health always answers 200, for start scripts to wait on.
 * Ctrl-C / SIGTERM close the server and write the snapshot.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { SimFixture } from "./fixture";
import { startSimulator } from "./server";

const emptyAsUnset = (value: unknown) => (value === "" ? undefined : value);

const environment = z.object({
  YAZSANA_SIM_PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(65535).default(4010)),
  YAZSANA_SIM_HOST: z.preprocess(emptyAsUnset, z.string().default("127.0.0.1")),
  YAZSANA_SIM_DEMO_KEY: z.preprocess(emptyAsUnset, z.string().min(8).optional()),
  YAZSANA_SIM_SEED: z.preprocess(emptyAsUnset, z.coerce.number().int().default(1)),
  YAZSANA_SIM_TICK_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).default(1000)),
  YAZSANA_SIM_SNAPSHOT: z.preprocess(emptyAsUnset, z.string().optional()),
  YAZSANA_SIM_ADMIN: z.preprocess(emptyAsUnset, z.enum(["0", "1", "true", "false"]).default("0")),
  YAZSANA_SIM_API_VERSION: z.preprocess(emptyAsUnset, z.enum(["1.2.0", "1.0.0"]).default("1.2.0")),
  YAZSANA_SIM_FIXTURE: z.preprocess(emptyAsUnset, z.string().optional()),
  YAZSANA_SIM_BULK_MAX: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).optional()),
  YAZSANA_SIM_REFUSABLE_PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(65535).optional()),
});

function readFixtureFile(file: string): SimFixture {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as SimFixture;
  } catch (error) {
    throw new Error(`cannot read the fixture ${file}: ${(error as Error).message}`);
  }
}

async function main() {
  const parsed = environment.safeParse(process.env);
  if (!parsed.success) throw new Error(`bad simulator settings:\n${z.prettifyError(parsed.error)}`);
  const env = parsed.data;
  const simulator = await startSimulator({
    port: env.YAZSANA_SIM_PORT,
    host: env.YAZSANA_SIM_HOST,
    demoKey: env.YAZSANA_SIM_DEMO_KEY,
    seed: env.YAZSANA_SIM_SEED,
    tickMs: env.YAZSANA_SIM_TICK_MS,
    snapshotFile: env.YAZSANA_SIM_SNAPSHOT,
    adminEnabled: env.YAZSANA_SIM_ADMIN === "1" || env.YAZSANA_SIM_ADMIN === "true",
    apiVersion: env.YAZSANA_SIM_API_VERSION,
    ...(env.YAZSANA_SIM_BULK_MAX && { maxBulkRecipients: env.YAZSANA_SIM_BULK_MAX }),
    ...(env.YAZSANA_SIM_REFUSABLE_PORT !== undefined && { refusablePort: env.YAZSANA_SIM_REFUSABLE_PORT }),
    // Validated by startSimulator, which lists every problem it finds.
    ...(env.YAZSANA_SIM_FIXTURE && { fixture: readFixtureFile(env.YAZSANA_SIM_FIXTURE) }),
  });
  console.log(`Yazsana simulator listening on ${simulator.url}${simulator.refusableUrl ? ` (refusable: ${simulator.refusableUrl})` : ""}`);
  // A key the caller chose is already known to them (and `npm run demo` prints
  // it in its own banner); only a freshly generated one needs showing.
  console.log(
    env.YAZSANA_SIM_DEMO_KEY
      ? "Demo API key: the one in YAZSANA_SIM_DEMO_KEY"
      : `Demo API key (random, new every start): ${simulator.demoKey}`,
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await simulator.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: Error) => {
  console.error(`The Yazsana simulator could not start: ${error.message}`);
  process.exit(1);
});
