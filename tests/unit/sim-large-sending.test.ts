import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { responses } from "@/lib/yazsana/schemas";
import { FIXTURE, phoneNumbers, startTestSimulator, type TestSimulator } from "@/sim/testing";

/**
 * A 100k-message sending must page quickly: the portal's reports and the
 * benchmarks lean on it. Timings are printed, and bounded only generously
 * (a timed test is no benchmark; this guards against an accidental O(n log n)
 * per request, not against a slow machine).
 */
const SIZE = 100_000;
const GENEROUS_MS = 2000;
let sim: TestSimulator;
let sendingId: string;

async function timed<T>(label: string, work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  console.log(`[sim 100k] ${label}: ${ms.toFixed(1)} ms`);
  return { result, ms };
}

beforeAll(async () => {
  sim = await startTestSimulator();
  const body = { to: phoneNumbers(SIZE), message: "Büyük kampanya", serviceId: FIXTURE.services.standard };
  const { result } = await timed("bulk send of 100k numbers", () => sim.call<{ data: string }>("/sms-sendings/bulk", { method: "POST", body }));
  expect(result.status).toBe(201);
  sendingId = result.json.data;
}, 60_000);
afterAll(() => sim.close());

const page = async (label: string, query: Record<string, string | number>) => {
  const { result, ms } = await timed(label, () => sim.call(`/sms-sendings/${sendingId}/messages`, { query }));
  expect(result.status).toBe(200);
  expect(ms).toBeLessThan(GENEROUS_MS);
  return responses.listSendingMessages.parse(result.json).data;
};

describe("simulator with a 100k-message sending", () => {
  it("charged all of it and pages the pending messages", async () => {
    expect(await sim.credit(FIXTURE.demoUserId)).toBe("3800.000000"); // 5000 − 100000 × 0.012
    const first = await page("first page", { limit: 100 });
    expect(first).toMatchObject({ total: SIZE, totalPages: 1000 });
    const last = await page("last page", { page: 999, limit: 100 });
    expect(last.items.at(-1)!.to).toBe(phoneNumbers(1, SIZE - 1)[0]);
  });

  it("advances 100k messages per tick and still pages quickly by status and text", async () => {
    const { result: waiting } = await timed("tick 1 (100k pending → waiting)", () => sim.tick());
    expect(waiting).toBe(SIZE);
    const { result: finished } = await timed("tick 2 (100k waiting → final)", () => sim.tick());
    expect(finished).toBe(SIZE);
    await timed("idle tick", () => sim.tick());

    const sent = await page("status=sent, deep page (index build)", { status: "sent", page: 700, limit: 100 });
    expect(sent.items).toHaveLength(100);
    expect(sent.items.every((message) => message.status === "sent")).toBe(true);
    await page("status=sent, deep page (cached index)", { status: "sent", page: 701, limit: 100 });
    const noSignal = await page("status=no_signal", { status: "no_signal", limit: 50 });
    const notSent = await page("status=not_sent", { status: "not_sent", limit: 50 });
    expect(sent.total + noSignal.total + notSent.total).toBe(SIZE);

    const byNumber = await page("text=number fragment + status", { text: "0009", status: "sent", limit: 100 });
    expect(byNumber.items.length).toBeGreaterThan(0);
    expect(byNumber.items.every((message) => message.to.includes("0009") && message.status === "sent")).toBe(true);
    const byText = await page("text=message text", { text: "kampanya", page: 500, limit: 100 });
    expect(byText.total).toBe(SIZE);

    const listed = await timed("list sendings", () => sim.call("/sms-sendings", { query: { limit: 1 } }));
    const sending = responses.listSendings.parse(listed.result.json).data.items[0]!;
    expect(sending.stats).toMatchObject({ validSize: SIZE, nOfCompleted: sent.total, nOfFailed: noSignal.total + notSent.total });
  });
});
