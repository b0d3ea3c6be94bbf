import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FIXTURE, startTestSimulator, type TestSimulator } from "@/sim/testing";

let sim: TestSimulator;
beforeEach(async () => {
  sim = await startTestSimulator();
});
afterEach(() => sim.close());

const addFault = async (fault: Record<string, unknown>) => {
  const response = await sim.admin<{ id: string }>("POST", "/__sim/faults", fault);
  expect(response.status).toBe(201);
  return response.json.id;
};
const raw = (path: string, key = sim.demoKey, signal?: AbortSignal) => fetch(`${sim.url}${path}`, { headers: { "x-api-key": key }, signal });

describe("simulator fault injection", () => {
  it("delays a request by latencyMs and then answers normally", async () => {
    await addFault({ kind: "latency", latencyMs: 300, operation: "getCurrentUser" });
    const started = performance.now();
    const response = await sim.call("/users/me");
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    expect(response.status).toBe(200);
  });

  it("answers a simulated upstream failure, 503 by default or the given status", async () => {
    await addFault({ kind: "error", times: 1 });
    await addFault({ kind: "error", status: 500, times: 1 });
    const first = await sim.call("/services");
    expect(first.status).toBe(503);
    expect(first.json).toMatchObject({ success: false, message: "Simulated upstream failure" });
    expect((await sim.call("/services")).status).toBe(500);
    expect((await sim.call("/services")).status).toBe(200);
  });

  it("answers 429 with a retry-after header", async () => {
    await addFault({ kind: "rate_limit", times: 1 });
    await addFault({ kind: "rate_limit", retryAfterSeconds: 7, times: 1 });
    const first = await sim.call("/sms-sendings");
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("1");
    expect((await sim.call("/sms-sendings")).headers.get("retry-after")).toBe("7");
  });

  it("never answers a timed-out request, until the client gives up", async () => {
    await addFault({ kind: "timeout", times: 1 });
    const giveUp = new AbortController();
    const held = raw("/users/me", sim.demoKey, giveUp.signal);
    await sim.received("getCurrentUser");
    giveUp.abort(new Error("the client gave up"));
    // The client's own reason: not a refused connection or any other failure.
    await expect(held).rejects.toThrow("the client gave up");
    expect(sim.seen).toEqual([{ operation: "getCurrentUser", fault: "timeout" }]);
    expect((await sim.call("/users/me")).status).toBe(200);
  });

  it("closes even while a timed-out request is being held open", async () => {
    await addFault({ kind: "timeout" });
    const held = raw("/users/me").catch((error: Error) => error);
    await sim.received("getCurrentUser");
    await sim.close();
    // undici reports a connection closed without an answer as "other side closed".
    expect(await held).toMatchObject({ name: "TypeError", message: "fetch failed", cause: { code: "UND_ERR_SOCKET" } });
  });

  it("answers 200 with a body that is not valid JSON", async () => {
    await addFault({ kind: "malformed", operation: "listSendings" });
    const response = await raw("/sms-sendings");
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it("applies only to the matching key and operation, and only `times` times", async () => {
    await addFault({ kind: "error", apiKey: FIXTURE.otherUser.apiKey, operation: "getCurrentUser", times: 2 });
    expect((await sim.call("/users/me")).status).toBe(200);
    expect((await sim.call("/users/me/organizations", { key: FIXTURE.otherUser.apiKey })).status).toBe(200);
    expect((await sim.call("/users/me", { key: FIXTURE.otherUser.apiKey })).status).toBe(503);
    expect((await sim.call("/users/me", { key: FIXTURE.otherUser.apiKey })).status).toBe(503);
    expect((await sim.call("/users/me", { key: FIXTURE.otherUser.apiKey })).status).toBe(200);
  });

  it("clears every fault with DELETE, and never touches the admin controls", async () => {
    await addFault({ kind: "error" });
    expect((await sim.call("/users/me")).status).toBe(503);
    expect((await sim.admin("GET", "/__sim/accounts")).status).toBe(200);
    expect((await sim.admin("DELETE", "/__sim/faults")).status).toBe(204);
    expect((await sim.call("/users/me")).status).toBe(200);
  });

  it("fails a send without charging when the fault hits it", async () => {
    await addFault({ kind: "error", operation: "sendSingleSms", times: 1 });
    const body = { to: "905321234567", message: "Merhaba", serviceId: FIXTURE.services.fast };
    expect((await sim.call("/sms-sendings/single", { method: "POST", body })).status).toBe(503);
    expect(await sim.credit(FIXTURE.demoUserId)).toBe("5000.000000");
  });

  it("refuses a fault it does not understand with 400", async () => {
    expect((await sim.admin("POST", "/__sim/faults", { kind: "explode" })).status).toBe(400);
    expect((await sim.admin("POST", "/__sim/faults", { kind: "error", operation: "deleteEverything" })).status).toBe(400);
  });
});

describe("simulator refused connections", () => {
  it("closes the refusable port (ECONNREFUSED, also for an open keep-alive connection) and reopens it on the same address", async () => {
    const refusable = await startTestSimulator({ refusablePort: 0 });
    try {
      const url = refusable.refusableUrl!;
      const users = () => fetch(`${url}/users/me`, { headers: { "x-api-key": refusable.demoKey } });
      expect((await users()).status).toBe(200);
      expect((await refusable.admin("POST", "/__sim/refuse", { refusing: true })).json).toEqual({ refusing: true });
      const failure = await users().then(
        () => undefined,
        (error: Error & { cause?: { code?: string } }) => error.cause?.code,
      );
      expect(failure).toBe("ECONNREFUSED");
      // The control port keeps answering, so tests can steer meanwhile.
      expect((await refusable.call("/users/me")).status).toBe(200);
      // Clearing faults reopens it.
      expect((await refusable.admin("DELETE", "/__sim/faults")).status).toBe(204);
      expect((await users()).status).toBe(200);
    } finally {
      await refusable.close();
    }
  });

  it("answers 409 without a refusable port", async () => {
    expect((await sim.admin("POST", "/__sim/refuse", { refusing: true })).status).toBe(409);
  });
});
