import Decimal from "decimal.js";
import { afterAll, beforeAll, expect, it } from "vitest";
import { FIXTURE, phoneNumbers, startTestSimulator, type TestSimulator } from "@/sim/testing";

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator({ maxBulkRecipients: 3 });
});
afterAll(() => sim.close());

it("refuses a bulk send above its configured limit and charges nothing", async () => {
  const before = await sim.credit(FIXTURE.demoUserId);
  const refused = await sim.call<{ message: string }>("/sms-sendings/bulk", {
    method: "POST",
    body: { to: phoneNumbers(4), message: "hi", serviceId: FIXTURE.services.standard },
  });
  expect(refused.status).toBe(400);
  expect(refused.json.message).toContain("at most 3 numbers");
  const accepted = await sim.call("/sms-sendings/bulk", { method: "POST", body: { to: phoneNumbers(3), message: "hi", serviceId: FIXTURE.services.standard } });
  expect(accepted.status).toBe(201);
  expect(await sim.credit(FIXTURE.demoUserId)).toBe(new Decimal(before).minus("0.036").toFixed(6));
});

it("lost_answer handles and charges the send but never answers", async () => {
  await sim.admin("POST", "/__sim/faults", { operation: "sendSingleSms", kind: "lost_answer", times: 1 });
  const before = await sim.credit(FIXTURE.demoUserId);
  const controller = new AbortController();
  const pending = fetch(`${sim.url}/sms-sendings/single`, {
    method: "POST",
    headers: { "x-api-key": sim.demoKey, "content-type": "application/json" },
    body: JSON.stringify({ to: "905551234567", message: "hi", serviceId: FIXTURE.services.standard }),
    signal: controller.signal,
  });
  // The charge is made while the client still waits for an answer that never comes.
  for (let attempt = 0; attempt < 50 && (await sim.credit(FIXTURE.demoUserId)) === before; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(await sim.credit(FIXTURE.demoUserId)).not.toBe(before);
  controller.abort();
  await expect(pending).rejects.toThrow();
});
