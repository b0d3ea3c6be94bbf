import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { responses } from "@/lib/yazsana/schemas";
import { FIXTURE, phoneNumbers, startTestSimulator, type TestSimulator } from "@/sim/testing";

/**
 * A 100k-message sending: charged, paged, advanced and filtered correctly.
 * How long each step takes is measured by `npm run bench`, not bounded here:
 * a wall-clock limit would fail on a machine busy with other suites.
 */
const SIZE = 100_000;
let sim: TestSimulator;
let sendingId: string;

beforeAll(async () => {
  sim = await startTestSimulator();
  const body = { to: phoneNumbers(SIZE), message: "Büyük kampanya", serviceId: FIXTURE.services.standard };
  const result = await sim.call<{ data: string }>("/sms-sendings/bulk", { method: "POST", body });
  expect(result.status).toBe(201);
  sendingId = result.json.data;
}, 60_000);
afterAll(() => sim.close());

const page = async (query: Record<string, string | number>) => {
  const result = await sim.call(`/sms-sendings/${sendingId}/messages`, { query });
  expect(result.status).toBe(200);
  return responses.listSendingMessages.parse(result.json).data;
};

describe("simulator with a 100k-message sending", () => {
  it("charged all of it and pages the pending messages", async () => {
    expect(await sim.credit(FIXTURE.demoUserId)).toBe("3800.000000"); // 5000 − 100000 × 0.012
    const first = await page({ limit: 100 });
    expect(first).toMatchObject({ total: SIZE, totalPages: 1000 });
    const last = await page({ page: 999, limit: 100 });
    expect(last.items.at(-1)!.to).toBe(phoneNumbers(1, SIZE - 1)[0]);
  });

  it("advances 100k messages per tick and pages them by status and text", async () => {
    expect(await sim.tick()).toBe(SIZE);
    expect(await sim.tick()).toBe(SIZE);
    expect(await sim.tick()).toBe(0);

    const sent = await page({ status: "sent", page: 700, limit: 100 });
    expect(sent.items).toHaveLength(100);
    expect(sent.items.every((message) => message.status === "sent")).toBe(true);
    const noSignal = await page({ status: "no_signal", limit: 50 });
    const notSent = await page({ status: "not_sent", limit: 50 });
    expect(sent.total + noSignal.total + notSent.total).toBe(SIZE);

    const byNumber = await page({ text: "0009", status: "sent", limit: 100 });
    expect(byNumber.items.length).toBeGreaterThan(0);
    expect(byNumber.items.every((message) => message.to.includes("0009") && message.status === "sent")).toBe(true);
    const byText = await page({ text: "kampanya", page: 500, limit: 100 });
    expect(byText.total).toBe(SIZE);

    const listed = await sim.call("/sms-sendings", { query: { limit: 1 } });
    const sending = responses.listSendings.parse(listed.json).data.items[0]!;
    expect(sending.stats).toMatchObject({ validSize: SIZE, nOfCompleted: sent.total, nOfFailed: noSignal.total + notSent.total });
  });
});
