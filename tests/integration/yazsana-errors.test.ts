import { createServer } from "node:net";
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  closeYazsanaDispatcher,
  describeYazsanaError as describeIn,
  getCurrentUser,
  listOrganizations,
  listSendingMessages,
  listSendings,
  listServices,
  sendBulkSms,
  sendSingleSms,
  setYazsanaAttemptTimer,
  setYazsanaCallObserver,
  YAZSANA_ERROR_KINDS,
  YazsanaError,
  type YazsanaCallRecord,
} from "@/lib/yazsana";
import type { YazsanaOperation } from "@/lib/yazsana/routes";
import { startTestSimulator, type TestSimulator } from "@/sim/testing";
import { translatorFor } from "@/lib/i18n/translator";

const describeYazsanaError = (error: Parameters<typeof describeIn>[0]) => describeIn(error, translatorFor("en", "yazsana"));

/**
 * Every failure the upstream can produce, as the client reports it: the kind,
 * what is retried and what is not, and that the key never leaks into an error.
 * Attempts are counted where the simulator receives them, and a timeout is
 * not a race with the wall clock: the test's attempt timer ends an attempt at
 * the moment the simulator holds it open, and never ends a healthy one.
 */

// Distinctive, so a leak anywhere (message, stack, cause, log record) is unmistakable.
const DEMO_KEY = "ysk_LEAKCANARY_demo_5d1e0c7b9a";
const UNKNOWN_KEY = "ysk_LEAKCANARY_unknown_93f0aa21";
// acme-ops, a second fixture user: its personal credit pays for exactly one OTP message.
const OTHER_KEY = "ysk_fixture_acme_ops_public_test_key_0001";
const FOREIGN_ORGANIZATION = "5da00720-ec98-4bc5-b753-65dd17188ca9";
const demo = { apiKey: DEMO_KEY };
let sim: TestSimulator;
let serviceId: string;
let otpServiceId: string;
let readOnlyOrganization: string;
let calls: YazsanaCallRecord[] = [];
/** Ends the attempt in flight as its timeout would. */
let expireAttempt: () => void = () => {};
/** Attempts of `operation` the simulator received since the test began. */
const received = (operation: YazsanaOperation) => sim.seen.filter((request) => request.operation === operation).length;

async function admin(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
  return response.status === 204 ? undefined : ((await response.json()) as unknown);
}
const fault = (spec: Record<string, unknown>) => admin("POST", "/__sim/faults", { apiKey: DEMO_KEY, ...spec });
const demoCredit = async () => {
  const accounts = (await admin("GET", "/__sim/accounts")) as { users: { username: string; credit: string }[] };
  return accounts.users.find((user) => user.username === "demo")!.credit;
};

async function caught(promise: Promise<unknown>): Promise<YazsanaError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof YazsanaError)) throw new Error(`expected a YazsanaError, got ${inspect(error)}`);
  return error;
}

function withEnv(values: Record<string, string>) {
  const previous = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/** The second OTP send of acme-ops no longer fits its credit. */
async function sendBeyondCredit() {
  const otp = { to: "905551234567", message: "Kod: 1234", serviceId: otpServiceId };
  await sendSingleSms({ apiKey: OTHER_KEY }, otp);
  return sendSingleSms({ apiKey: OTHER_KEY }, otp);
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

beforeAll(async () => {
  setYazsanaAttemptTimer(() => {
    const controller = new AbortController();
    expireAttempt = () => controller.abort(new DOMException("The attempt timed out.", "TimeoutError"));
    return { signal: controller.signal, clear: () => {} };
  });
  sim = await startTestSimulator({
    seed: 1,
    demoKey: DEMO_KEY,
    // Tests run one at a time, so the attempt held open is the one whose timer was made last.
    onRequest: (request) => request.fault === "timeout" && queueMicrotask(() => expireAttempt()),
  });
  process.env.YAZSANA_API_URL = sim.url;
  const services = await listServices(demo);
  serviceId = services[0]!.id;
  otpServiceId = services.find((service) => service.name === "SMS OTP")!.id;
  readOnlyOrganization = (await listOrganizations(demo)).find((org) => org.state && !org.permissions.includes("organization.sms.send"))!.id;
  setYazsanaCallObserver((record) => calls.push(record));
});

beforeEach(async () => {
  await admin("POST", "/__sim/reset");
  calls = [];
  sim.seen.length = 0;
});

afterEach(() => {
  process.env.YAZSANA_API_URL = sim.url;
});

afterAll(async () => {
  setYazsanaCallObserver(null);
  setYazsanaAttemptTimer(null);
  await sim?.close();
  await closeYazsanaDispatcher();
});

describe("errors by kind", () => {
  it("reports an unknown key as invalid_key", async () => {
    const error = await caught(getCurrentUser({ apiKey: UNKNOWN_KEY }));
    expect(error).toMatchObject({ kind: "invalid_key", status: 401, operation: "getCurrentUser", upstreamMessage: "Invalid API key" });
    expect(describeYazsanaError(error)).toMatch(/Settings → API key/);
  });

  it("reports a foreign organization and a missing send permission as forbidden", async () => {
    expect(await caught(listSendings({ ...demo, organizationId: FOREIGN_ORGANIZATION }))).toMatchObject({ kind: "forbidden", status: 403 });
    const send = await caught(sendSingleSms({ ...demo, organizationId: readOnlyOrganization }, { to: "905551234567", message: "Selam", serviceId }));
    expect(send).toMatchObject({ kind: "forbidden", status: 403, upstreamMessage: expect.stringContaining("organization.sms.send") });
  });

  it("reports an unknown sending as not_found", async () => {
    const error = await caught(listSendingMessages(demo, "00000000-0000-4000-8000-000000000000"));
    expect(error).toMatchObject({ kind: "not_found", status: 404, operation: "listSendingMessages" });
    expect(describeYazsanaError(error)).toBe("Yazsana does not know this sending in the selected context.");
  });

  it("reports the upstream's validation message", async () => {
    const error = await caught(sendSingleSms(demo, { to: "0555 123 45 67", message: "Selam", serviceId }));
    expect(error).toMatchObject({ kind: "validation", status: 400, upstreamMessage: expect.stringContaining("905xxxxxxxxx") });
    expect(describeYazsanaError(error)).toMatch(/^Yazsana refused the request: .*905xxxxxxxxx/);
  });

  it("stops an invalid request before the network, so nothing is charged", async () => {
    const before = await demoCredit();
    const error = await caught(sendSingleSms(demo, { to: "905551234567", message: "x".repeat(161), serviceId }));
    expect(error).toMatchObject({ kind: "validation", status: undefined });
    expect(describeYazsanaError(error)).toMatch(/nothing was sent/);
    expect(await caught(listSendings(demo, { page: -1 }))).toMatchObject({ kind: "validation" });
    expect(await caught(listSendingMessages(demo, "../users/me"))).toMatchObject({ kind: "validation" });
    expect(sim.seen).toEqual([]);
    expect(calls).toEqual([]);
    expect(await demoCredit()).toBe(before);
  });

  it("reports an insufficient credit answer as insufficient_credit", async () => {
    const error = await caught(sendBeyondCredit());
    expect(error).toMatchObject({ kind: "insufficient_credit", status: 400, upstreamMessage: "Insufficient credit" });
    expect(describeYazsanaError(error)).toMatch(/^Not enough credit for this send in the selected context\./);
  });

  it("answers a malformed body with malformed_response, without retrying", async () => {
    await fault({ operation: "listSendings", kind: "malformed", times: 1 });
    const error = await caught(listSendings(demo));
    expect(error).toMatchObject({ kind: "malformed_response", status: 200, issues: ["body is not JSON"] });
    expect(received("listSendings")).toBe(1);
    expect(calls).toHaveLength(1);
  });
});

describe("retries", () => {
  it("retries a GET after 429 once Retry-After has passed", async () => {
    await fault({ operation: "listServices", kind: "rate_limit", retryAfterSeconds: 1, times: 1 });
    const started = Date.now();
    expect((await listServices(demo)).length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(calls.map((call) => call.status)).toEqual([429, 200]);
    expect(received("listServices")).toBe(2);
  });

  it("gives up at once when Retry-After is too long, reporting when to come back", async () => {
    await fault({ operation: "listServices", kind: "rate_limit", retryAfterSeconds: 120 });
    const error = await caught(listServices(demo));
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, retryAfterSeconds: 120 });
    expect(describeYazsanaError(error)).toBe("Yazsana is rate limiting requests; try again in 120 seconds.");
    expect(received("listServices")).toBe(1);
  });

  it("retries a GET after a 5xx and succeeds", async () => {
    await fault({ operation: "listOrganizations", kind: "error", status: 503, times: 2 });
    expect((await listOrganizations(demo)).length).toBeGreaterThan(0);
    expect(calls.map((call) => call.status)).toEqual([503, 503, 200]);
    expect(received("listOrganizations")).toBe(3);
  });

  it("reports unavailable once the GET retries are spent", async () => {
    await fault({ operation: "getCurrentUser", kind: "error", status: 502 });
    expect(await caught(getCurrentUser(demo))).toMatchObject({ kind: "unavailable", status: 502 });
    expect(received("getCurrentUser")).toBe(3);
  });

  it("never retries a send after a 5xx, even when the retry would have worked", async () => {
    const before = await demoCredit();
    await fault({ operation: "sendSingleSms", kind: "error", status: 500, times: 1 });
    const error = await caught(sendSingleSms(demo, { to: "905551234567", message: "Bir kez", serviceId }));
    expect(error).toMatchObject({ kind: "unavailable", status: 500 });
    expect(received("sendSingleSms")).toBe(1);
    expect(await demoCredit()).toBe(before);
    expect((await listSendings(demo, { source: "api" })).total).toBe(0);
  });

  it("never retries a rate-limited send", async () => {
    await fault({ operation: "sendBulkSms", kind: "rate_limit", retryAfterSeconds: 1, times: 1 });
    expect(await caught(sendBulkSms(demo, { to: ["905551234567"], message: "Bir kez", serviceId }))).toMatchObject({ kind: "rate_limited" });
    expect(received("sendBulkSms")).toBe(1);
    expect((await listSendings(demo, { source: "api" })).total).toBe(0);
  });

  it("times out a GET that hangs, retrying before giving up", async () => {
    const restore = withEnv({ YAZSANA_MAX_RETRIES: "1" });
    try {
      await fault({ operation: "getCurrentUser", kind: "timeout" });
      const error = await caught(getCurrentUser(demo));
      expect(error).toMatchObject({ kind: "timeout", operation: "getCurrentUser" });
      expect(calls.map((call) => call.errorKind)).toEqual(["timeout", "timeout"]);
      expect(received("getCurrentUser")).toBe(2);
      await admin("DELETE", "/__sim/faults");
      await fault({ operation: "getCurrentUser", kind: "timeout", times: 1 });
      expect((await getCurrentUser(demo)).username).toBe("demo");
      expect(received("getCurrentUser")).toBe(4);
    } finally {
      restore();
    }
  });

  it("times out a slow send once and warns that it may have gone through", async () => {
    await fault({ operation: "sendSingleSms", kind: "timeout", times: 1 });
    const error = await caught(sendSingleSms(demo, { to: "905551234567", message: "Yavaş", serviceId }));
    expect(error.kind).toBe("timeout");
    expect(received("sendSingleSms")).toBe(1);
    expect(describeYazsanaError(error)).toMatch(/check Reports before sending again/);
  });

  it("reports a refused connection as unavailable, after retrying a GET", async () => {
    process.env.YAZSANA_API_URL = await closedPortUrl();
    const error = await caught(listServices(demo));
    expect(error).toMatchObject({ kind: "unavailable", status: undefined, cause: { code: "ECONNREFUSED" } });
    expect(calls).toHaveLength(3);
    const send = await caught(sendSingleSms(demo, { to: "905551234567", message: "Selam", serviceId }));
    expect(describeYazsanaError(send)).toBe("Yazsana could not be reached, so nothing was sent. Try again in a few minutes.");
  });

  it("passes the caller's abort through instead of retrying", async () => {
    // Held until the client hangs up; the caller leaves while the simulator holds the request.
    await fault({ operation: "listSendings", kind: "latency", latencyMs: 600_000 });
    const controller = new AbortController();
    const pending = listSendings({ ...demo, signal: controller.signal });
    await sim.received("listSendings");
    controller.abort(new Error("user left the page"));
    await expect(pending).rejects.toThrow("user left the page");
    // The call has returned: any retry would have been made before it did.
    expect(received("listSendings")).toBe(1);
    // One attempt, logged as abandoned (not as an upstream failure), and no retry.
    expect(calls).toEqual([expect.objectContaining({ operation: "listSendings", attempt: 1, abandoned: true })]);
    expect(calls[0]).not.toHaveProperty("errorKind");
  });
});

describe("the key never leaks", () => {
  it("keeps the key out of every error kind and every log record", async () => {
    const errors: YazsanaError[] = [];
    const collect = async (promise: Promise<unknown>) => errors.push(await caught(promise));
    const restore = withEnv({ YAZSANA_MAX_RETRIES: "0" });
    try {
      await collect(getCurrentUser({ apiKey: UNKNOWN_KEY }));
      await collect(listSendings({ ...demo, organizationId: FOREIGN_ORGANIZATION }));
      await collect(listSendingMessages(demo, "00000000-0000-4000-8000-000000000000"));
      await collect(sendSingleSms(demo, { to: "123", message: "Selam", serviceId }));
      await collect(sendBeyondCredit());
      for (const spec of [
        { operation: "listServices", kind: "rate_limit", retryAfterSeconds: 60 },
        { operation: "listOrganizations", kind: "error", status: 503 },
        { operation: "getCurrentUser", kind: "timeout" },
        { operation: "listSendings", kind: "malformed" },
      ]) {
        await fault({ ...spec, times: 1 });
      }
      await collect(listServices(demo));
      await collect(listOrganizations(demo));
      await collect(getCurrentUser(demo));
      await collect(listSendings(demo));
      process.env.YAZSANA_API_URL = await closedPortUrl();
      await collect(sendSingleSms(demo, { to: "905551234567", message: "Selam", serviceId }));
    } finally {
      restore();
    }

    expect(new Set(errors.map((error) => error.kind))).toEqual(new Set(YAZSANA_ERROR_KINDS));
    for (const error of errors) {
      for (const key of [DEMO_KEY, UNKNOWN_KEY, OTHER_KEY]) {
        expect(JSON.stringify(error)).not.toContain(key);
        expect(error.message).not.toContain(key);
        expect(String(error.stack)).not.toContain(key);
        expect(String(error.cause)).not.toContain(key);
        expect(JSON.stringify(error.cause ?? null)).not.toContain(key);
        expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(key);
        expect(describeYazsanaError(error)).not.toContain(key);
      }
    }
    expect(calls.length).toBeGreaterThan(0);
    expect(JSON.stringify(calls)).not.toMatch(/LEAKCANARY|ysk_/);
  });
});
