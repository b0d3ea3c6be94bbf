import { responses } from "@/lib/yazsana/schemas";
import { FIXTURE, phoneNumbers, startTestSimulator, type TestSimulator } from "@/sim/testing";

export type LargeSendingTiming = { label: string; ms: number };

export const LARGE_SENDING_SIZE = 100_000;

/**
 * How the simulator copes with a 100k-message sending (the portal's reports
 * and the benchmarks lean on it): a bulk send, lifecycle ticks, and pages of
 * messages by status and text. Measured here rather than bounded in a test,
 * where a loaded machine would fail it. Checks only that every answer is a 200.
 */
export async function measureLargeSending(): Promise<LargeSendingTiming[]> {
  const sim = await startTestSimulator({ tickMs: 0 });
  const timings: LargeSendingTiming[] = [];
  async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await work();
    timings.push({ label, ms: Math.round((performance.now() - started) * 10) / 10 });
    return result;
  }
  try {
    const body = { to: phoneNumbers(LARGE_SENDING_SIZE), message: "Büyük kampanya", serviceId: FIXTURE.services.standard };
    const sent = await timed("bulk send of 100k numbers", () => sim.call<{ data: string }>("/sms-sendings/bulk", { method: "POST", body }));
    if (sent.status !== 201) throw new Error(`The simulator answered ${sent.status} to the 100k bulk send.`);
    const messages = (label: string, query: Record<string, string | number>) => timed(label, () => page(sim, sent.json.data, query));
    await messages("first page of messages", { limit: 100 });
    await messages("last page of messages", { page: 999, limit: 100 });
    await timed("tick (100k pending → waiting)", () => sim.tick());
    await timed("tick (100k waiting → final)", () => sim.tick());
    await timed("idle tick", () => sim.tick());
    await messages("status=sent, deep page (index build)", { status: "sent", page: 700, limit: 100 });
    await messages("status=sent, deep page (cached index)", { status: "sent", page: 701, limit: 100 });
    await messages("text=number fragment + status", { text: "0009", status: "sent", limit: 100 });
    await messages("text=message text, deep page", { text: "kampanya", page: 500, limit: 100 });
    await timed("list sendings", () => sim.call("/sms-sendings", { query: { limit: 1 } }));
  } finally {
    await sim.close();
  }
  return timings;
}

async function page(sim: TestSimulator, sendingId: string, query: Record<string, string | number>) {
  const result = await sim.call(`/sms-sendings/${sendingId}/messages`, { query });
  if (result.status !== 200) throw new Error(`The simulator answered ${result.status} to a page of the 100k sending.`);
  return responses.listSendingMessages.parse(result.json).data;
}
