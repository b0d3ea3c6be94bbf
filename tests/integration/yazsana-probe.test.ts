import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeYazsanaDispatcher } from "@/lib/yazsana";
import { probeYazsana } from "@/lib/yazsana/probe";
import { formatProbeReport } from "@/lib/yazsana/probe-format";
import { startSimulator, type RunningSimulator } from "@/sim/server";
import { runScript } from "../support/run-script";

/**
 * The compatibility probe against the simulator speaking today's API (1.2.0)
 * and the older 1.0.0 (one-based pages, no `source`). It must tell them apart,
 * never print the key, and never spend credit.
 */

const PROBE_KEY = "ysk_PROBECANARY_4b7e21d0c9";
let current: RunningSimulator;
let legacy: RunningSimulator;

const accounts = async (sim: RunningSimulator) => (await fetch(`${sim.url}/__sim/accounts`)).text();
const sendingsTotal = async (sim: RunningSimulator) => {
  const response = await fetch(`${sim.url}/sms-sendings?limit=1${sim === legacy ? "&page=1" : ""}`, { headers: { "x-api-key": PROBE_KEY } });
  return ((await response.json()) as { data: { total: number } }).data.total;
};

beforeAll(async () => {
  [current, legacy] = await Promise.all([
    startSimulator({ port: 0, adminEnabled: true, tickMs: 0, seed: 1, demoKey: PROBE_KEY, apiVersion: "1.2.0" }),
    startSimulator({ port: 0, adminEnabled: true, tickMs: 0, seed: 1, demoKey: PROBE_KEY, apiVersion: "1.0.0" }),
  ]);
});

afterAll(async () => {
  await Promise.all([current?.close(), legacy?.close()]);
  await closeYazsanaDispatcher();
});

describe("probing Yazsana", () => {
  it("finds API 1.2.0 compatible, with zero-based pages, and spends nothing", async () => {
    const before = await accounts(current);
    const totalBefore = await sendingsTotal(current);
    const report = await probeYazsana({ baseUrl: current.url, apiKey: PROBE_KEY });

    expect(report.compatible).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.paging.base).toBe("zero");
    expect(report.checks.map((check) => [check.operation, check.path, check.status])).toEqual([
      ["getCurrentUser", "/users/me", 200],
      ["listOrganizations", "/users/me/organizations", 200],
      ["listServices", "/services", 200],
      ["listSendings", "/sms-sendings?page=0&limit=1", 200],
      ["listSendings", "/sms-sendings?page=1&limit=1", 200],
      ["listSendingMessages", "/sms-sendings/{id}/messages?page=0&limit=1", 200],
    ]);
    expect(report.checks.every((check) => check.verdict === "ok")).toBe(true);

    const text = formatProbeReport(report);
    expect(text).toContain("Result: COMPATIBLE");
    expect(text).toContain("Paging: zero-based");
    expect(text).not.toContain(PROBE_KEY);
    expect(JSON.stringify(report)).not.toContain(PROBE_KEY);
    expect(await accounts(current)).toBe(before);
    expect(await sendingsTotal(current)).toBe(totalBefore);
  });

  it("flags API 1.0.0: one-based pages and sendings without source", async () => {
    const before = await accounts(legacy);
    const report = await probeYazsana({ baseUrl: legacy.url, apiKey: PROBE_KEY });

    expect(report.compatible).toBe(false);
    expect(report.paging).toMatchObject({ base: "one", evidence: expect.stringContaining("page=0 was refused") });
    const [pageZero, pageOne] = report.checks.filter((check) => check.operation === "listSendings");
    expect(pageZero).toMatchObject({ status: 400, verdict: "failed", clientBehaviour: expect.stringMatching(/^would fail: validation/) });
    expect(pageOne).toMatchObject({ status: 200, verdict: "differs", clientBehaviour: "optional fields left empty" });
    expect(pageOne?.differences).toContainEqual({ path: "data.items[].source", change: "absent_optional", detail: expect.any(String) });
    // With a one-based API the messages are read from page 1, so that check still runs.
    expect(report.checks.at(-1)).toMatchObject({ operation: "listSendingMessages", path: expect.stringContaining("page=1"), verdict: "ok" });

    const text = formatProbeReport(report);
    expect(text).toContain("Paging: ONE-BASED");
    expect(text).toContain("data.items[].source: absent (optional)");
    expect(text).toContain("Result: INCOMPATIBLE");
    expect(text).not.toContain(PROBE_KEY);
    expect(await accounts(legacy)).toBe(before);
  });

  it("reports a rejected key as incompatible without echoing it", async () => {
    const wrongKey = "ysk_PROBECANARY_wrong_0000";
    const report = await probeYazsana({ baseUrl: current.url, apiKey: wrongKey });
    expect(report.compatible).toBe(false);
    expect(report.checks[0]).toMatchObject({ status: 401, verdict: "failed", clientBehaviour: expect.stringMatching(/^would fail: invalid_key/) });
    expect(formatProbeReport(report)).not.toContain(wrongKey);
  });
});

// Each run starts a tsx process, which takes seconds on a loaded machine: a bound for hangs, not a speed check.
describe("npm run yazsana:probe", { timeout: 120_000 }, () => {
  const runProbe = (env: Record<string, string | undefined>, args: string[] = []) =>
    runScript("scripts/yazsana-probe.ts", { YAZSANA_PROBE_KEY: undefined, ...env }, args);

  it("exits 0 for a compatible API and 1 for an incompatible one, never printing the key", async () => {
    const good = await runProbe({ YAZSANA_API_URL: current.url, YAZSANA_PROBE_KEY: PROBE_KEY });
    expect(good.code).toBe(0);
    expect(good.stdout).toContain("Result: COMPATIBLE");
    const old = await runProbe({ YAZSANA_API_URL: legacy.url, YAZSANA_PROBE_KEY: PROBE_KEY }, ["--json"]);
    expect(old.code).toBe(1);
    expect(JSON.parse(old.stdout)).toMatchObject({ compatible: false, paging: { base: "one" } });
    expect(good.stdout + good.stderr + old.stdout + old.stderr).not.toContain(PROBE_KEY);
  });

  it("exits 2 on usage errors and never takes the key from arguments", async () => {
    const noKey = await runProbe({ YAZSANA_API_URL: current.url });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain("YAZSANA_PROBE_KEY");
    const keyAsArgument = await runProbe({ YAZSANA_API_URL: current.url }, [PROBE_KEY]);
    expect(keyAsArgument.code).toBe(2);
    expect(keyAsArgument.stdout + keyAsArgument.stderr).not.toContain(PROBE_KEY);
    const help = await runProbe({}, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("never accepted as a command-line argument");
  });
});
