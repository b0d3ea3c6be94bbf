import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeYazsanaDispatcher, listOrganizations, setYazsanaCallObserver, YazsanaError, type YazsanaCallRecord } from "@/lib/yazsana";
import { startTestSimulator, type TestSimulator } from "@/sim/testing";

/**
 * Bounds on what one logical upstream call may cost: how much it reads and
 * how long it lasts with all its retries, against the simulator's faults.
 */

let sim: TestSimulator;
let calls: YazsanaCallRecord[] = [];
const saved = { ...process.env };

beforeAll(async () => {
  sim = await startTestSimulator();
  process.env.YAZSANA_API_URL = sim.url;
  setYazsanaCallObserver((record) => calls.push(record));
});
beforeEach(() => {
  calls = [];
});
afterEach(async () => {
  await sim.admin("DELETE", "/__sim/faults");
  for (const name of ["YAZSANA_MAX_RESPONSE_BYTES", "YAZSANA_TIMEOUT_MS", "YAZSANA_MAX_RETRIES", "YAZSANA_DEADLINE_MS"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});
afterAll(async () => {
  setYazsanaCallObserver(null);
  process.env.YAZSANA_API_URL = saved.YAZSANA_API_URL;
  await closeYazsanaDispatcher();
  await sim.close();
});

async function failure(promise: Promise<unknown>): Promise<YazsanaError> {
  const error = await promise.then(
    () => new Error("expected the call to fail"),
    (caught: unknown) => caught,
  );
  if (!(error instanceof YazsanaError)) throw error;
  return error;
}

describe("upstream limits", () => {
  it("cuts off an answer larger than YAZSANA_MAX_RESPONSE_BYTES and does not retry it", async () => {
    process.env.YAZSANA_MAX_RESPONSE_BYTES = String(1024 * 1024);
    await sim.admin("POST", "/__sim/faults", { operation: "listOrganizations", kind: "oversized", sizeBytes: 32 * 1024 * 1024 });
    const error = await failure(listOrganizations({ apiKey: sim.demoKey }));
    expect(error.kind).toBe("malformed_response");
    expect(error.issues).toEqual(["the response body is larger than YAZSANA_MAX_RESPONSE_BYTES"]);
    expect(calls.filter((call) => call.operation === "listOrganizations")).toHaveLength(1);
    // The same answer within the limit is read normally.
    await sim.admin("DELETE", "/__sim/faults");
    await expect(listOrganizations({ apiKey: sim.demoKey })).resolves.toBeInstanceOf(Array);
  });

  it("ends a hanging call with its retries at YAZSANA_DEADLINE_MS, as a timeout", async () => {
    Object.assign(process.env, { YAZSANA_TIMEOUT_MS: "400", YAZSANA_MAX_RETRIES: "10", YAZSANA_DEADLINE_MS: "1000" });
    await sim.admin("POST", "/__sim/faults", { operation: "listOrganizations", kind: "timeout" });
    const error = await failure(listOrganizations({ apiKey: sim.demoKey }));
    expect(error.kind).toBe("timeout");
    // Ten retries were allowed; the deadline left room for a few attempts only.
    const attempts = calls.filter((call) => call.operation === "listOrganizations");
    expect(attempts.length).toBeGreaterThanOrEqual(1);
    expect(attempts.length).toBeLessThan(5);
  });
});
