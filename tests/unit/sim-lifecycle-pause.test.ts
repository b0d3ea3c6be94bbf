import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { responses } from "@/lib/yazsana/schemas";
import { FIXTURE, phoneNumbers, startTestSimulator, type TestSimulator } from "@/sim/testing";

/** Browser tests hold a sending at "pending" with POST /__sim/lifecycle while the timer keeps running. */
let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator({ tickMs: 5 });
});
afterAll(() => sim.close());

const stats = async (id: string) => {
  const { json } = await sim.call("/sms-sendings", { query: { limit: 100 } });
  return responses.listSendings.parse(json).data.items.find((sending) => sending.id === id)!.stats;
};

describe("pausing the simulator's lifecycle", () => {
  it("keeps messages where they are until resumed; /tick still advances them", async () => {
    expect((await sim.admin("POST", "/__sim/lifecycle", { paused: true })).json).toEqual({ paused: true });
    const { json } = await sim.call<{ data: string }>("/sms-sendings/bulk", { method: "POST", body: { to: phoneNumbers(3), message: "Bekle", serviceId: FIXTURE.services.standard } });
    // Many timer periods pass; none of them moves anything.
    await sleep(100);
    expect(await stats(json.data)).toMatchObject({ nOfPending: 3, nOfWaiting: 0 });
    expect(await sim.tick(1)).toBe(3);
    expect(await stats(json.data)).toMatchObject({ nOfPending: 0, nOfWaiting: 3 });

    await sim.admin("POST", "/__sim/lifecycle", { paused: false });
    await expect.poll(async () => (await stats(json.data)).nOfWaiting).toBe(0);
  });

  it("refuses a body that is not { paused: boolean }", async () => {
    expect((await sim.admin("POST", "/__sim/lifecycle", { paused: "yes" })).status).toBe(400);
  });
});
