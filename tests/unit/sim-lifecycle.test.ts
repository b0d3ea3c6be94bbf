import Decimal from "decimal.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { responses, type SendingStats } from "@/lib/yazsana/schemas";
import { FIXTURE, phoneNumbers, startTestSimulator, type TestSimulator } from "@/sim/testing";
import type { SimulatorOptions } from "@/sim/server";

const started: TestSimulator[] = [];
async function simulator(options: SimulatorOptions = {}) {
  const sim = await startTestSimulator(options);
  started.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((sim) => sim.close()));
});

async function sendBulk(sim: TestSimulator, count: number, orgId?: string) {
  const body = { to: phoneNumbers(count), message: "Lifecycle", serviceId: FIXTURE.services.fast };
  const { json } = await sim.call<{ data: string }>("/sms-sendings/bulk", { method: "POST", body, orgId });
  return json.data;
}

async function sendingById(sim: TestSimulator, id: string, orgId?: string) {
  const { json } = await sim.call("/sms-sendings", { orgId, query: { limit: 100 } });
  return responses.listSendings.parse(json).data.items.find((sending) => sending.id === id)!;
}

async function allStatuses(sim: TestSimulator, id: string, orgId?: string) {
  const statuses: string[] = [];
  for (let page = 0; ; page += 1) {
    const { json } = await sim.call(`/sms-sendings/${id}/messages`, { orgId, query: { page, limit: 100 } });
    const data = responses.listSendingMessages.parse(json).data;
    statuses.push(...data.items.map((message) => message.status));
    if (page + 1 >= data.totalPages) return statuses;
  }
}

function expectConsistent(stats: SendingStats, statuses: string[], unitPrice: string) {
  const count = (status: string) => statuses.filter((candidate) => candidate === status).length;
  expect(stats.validSize).toBe(statuses.length);
  expect(stats.nOfPending).toBe(count("pending"));
  expect(stats.nOfWaiting).toBe(count("waiting"));
  expect(stats.nOfCompleted).toBe(count("sent"));
  expect(stats.nOfFailed).toBe(count("not_sent") + count("no_signal"));
  expect(stats.nOfRefunded).toBe(stats.nOfFailed);
  expect(stats.totalCost).toBe(new Decimal(unitPrice).times(statuses.length).toFixed(6));
  expect(stats.totalRefunded).toBe(new Decimal(unitPrice).times(stats.nOfFailed).toFixed(6));
}

describe("simulator message lifecycle", () => {
  it("moves messages pending → waiting → final one step per tick, refunding failures to the credit that paid", async () => {
    const sim = await simulator();
    const { kargo } = FIXTURE.organizations;
    const id = await sendBulk(sim, 250, kargo);
    const paid = "1193.750000"; // 1200 − 250 × 0.025
    expect(await sim.credit(FIXTURE.demoUserId, kargo)).toBe(paid);

    let sending = await sendingById(sim, id, kargo);
    expect(sending.stats).toMatchObject({ nOfPending: 250, nOfWaiting: 0, nOfCompleted: 0 });
    expectConsistent(sending.stats, await allStatuses(sim, id, kargo), "0.025000");

    expect(await sim.tick()).toBe(250);
    sending = await sendingById(sim, id, kargo);
    expect(sending).toMatchObject({ completed: false, stats: { nOfPending: 0, nOfWaiting: 250 } });
    expectConsistent(sending.stats, await allStatuses(sim, id, kargo), "0.025000");

    expect(await sim.tick()).toBe(250);
    sending = await sendingById(sim, id, kargo);
    const statuses = await allStatuses(sim, id, kargo);
    expect(sending.completed).toBe(true);
    expect(statuses).toHaveLength(250);
    expect(statuses.every((status) => ["sent", "not_sent", "no_signal"].includes(status))).toBe(true);
    expectConsistent(sending.stats, statuses, "0.025000");
    // Roughly the advertised mix; exact numbers are fixed by the seed.
    expect(sending.stats.nOfCompleted).toBeGreaterThan(170);
    expect(sending.stats.nOfFailed).toBeGreaterThan(10);
    expect(await sim.credit(FIXTURE.demoUserId, kargo)).toBe(new Decimal(paid).plus(sending.stats.totalRefunded).toFixed(6));
    expect(await sim.credit(FIXTURE.demoUserId)).toBe("5000.000000");

    expect(await sim.tick(3)).toBe(0);
    expect((await sendingById(sim, id, kargo)).stats).toEqual(sending.stats);
  });

  it("gives the same outcomes for the same seed, and different ones for another seed", async () => {
    const run = async (seed: number, tick: (sim: TestSimulator) => Promise<unknown>) => {
      const sim = await simulator({ seed });
      const id = await sendBulk(sim, 300);
      await tick(sim);
      return allStatuses(sim, id);
    };
    const first = await run(42, (sim) => sim.tick(2));
    const again = await run(42, async (sim) => {
      await sim.tick(1);
      await sim.tick(1);
    });
    const other = await run(43, (sim) => sim.tick(2));
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it("advances on its own timer when tickMs is set", async () => {
    const sim = await simulator({ tickMs: 20 });
    const id = await sendBulk(sim, 5);
    // Two ticks finish it; the bound only stops a broken timer from hanging the run, however slow the machine.
    await vi.waitFor(async () => expect((await sendingById(sim, id)).completed).toBe(true), { timeout: 25_000, interval: 20 });
  }, 30_000);

  it("seeds completed panel history, including failed and refunded messages", async () => {
    const sim = await simulator();
    const { json } = await sim.call("/sms-sendings", { query: { source: "panel", limit: 100 } });
    const history = responses.listSendings.parse(json).data.items;
    expect(history.length).toBeGreaterThanOrEqual(3);
    expect(history.every((sending) => sending.completed && sending.source === "panel")).toBe(true);
    expect(history.some((sending) => sending.stats.nOfFailed > 0 && sending.stats.totalRefunded !== "0.000000")).toBe(true);
  });
});
