import { Agent, request } from "undici";
import { FIXTURE, phoneNumbers } from "@/sim/testing";
import { BenchFailure } from "./bench-load";

/** Message text of the n-th seeded sending (1-based): the newest one is what a first page must show. */
export const seededMessage = (index: number) => `Bench sending ${index}`;

export type SimulatorSeeder = {
  /** Sendings made so far through this seeder (each one SMS to one number). */
  count(): number;
  /** The message texts of the newest sending and of the first one on page 2 (20 a page), as the simulator lists them. */
  newestMessages(): Promise<{ first: string; secondPage: string }>;
  /** Adds single-SMS sendings until `total` exist, `concurrency` requests at a time. */
  growTo(total: number, signal: AbortSignal): Promise<void>;
  /** One bulk sending of `size` numbers (one call); resolves to its id. */
  bulk(size: number, message: string): Promise<string>;
  /** Moves every message one lifecycle step on (the simulator runs without its timer). */
  tick(steps?: number): Promise<void>;
  /** Delays every answer to the demo key by `latencyMs` (0 removes the delay). */
  setLatency(latencyMs: number): Promise<void>;
  close(): Promise<void>;
};

/**
 * Fills the run's simulator over its own HTTP API with the demo key, as
 * Yazsana would be filled by sending. Sendings are made one call each, so
 * 100,000 of them take a while (about a minute on the shared VM).
 */
export function simulatorSeeder(simUrl: string, apiKey: string, concurrency = 32): SimulatorSeeder {
  const dispatcher = new Agent({ keepAliveTimeout: 60_000, connections: concurrency });
  let made = 0;
  const numbers = phoneNumbers(1_000);
  async function call(method: string, path: string, body?: unknown, admin = false): Promise<unknown> {
    const response = await request(`${simUrl}${path}`, {
      method: method as "POST",
      headers: { "content-type": "application/json", ...(admin ? {} : { "x-api-key": apiKey }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      dispatcher,
    });
    const text = await response.body.text();
    if (response.statusCode >= 300) throw new BenchFailure(`The simulator answered ${response.statusCode} to ${method} ${path}: ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : undefined;
  }
  return {
    count: () => made,
    async growTo(total, signal) {
      const worker = async () => {
        while (made < total) {
          signal.throwIfAborted();
          const index = ++made;
          await call("POST", "/sms-sendings/single", { to: numbers[index % numbers.length], message: seededMessage(index), serviceId: FIXTURE.services.standard });
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
    },
    async newestMessages() {
      // Sent concurrently, so the simulator's order (its creation order) is the one to read.
      const listed = (await call("GET", "/sms-sendings?page=0&limit=21")) as { data: { items: Array<{ sampleMessageText: string }> } };
      const items = listed.data.items;
      if (!items[0]?.sampleMessageText) throw new BenchFailure("The simulator listed no sending to check the pages against.");
      return { first: items[0].sampleMessageText, secondPage: items[20]?.sampleMessageText ?? items.at(-1)?.sampleMessageText ?? "" };
    },
    async bulk(size, message) {
      const answer = (await call("POST", "/sms-sendings/bulk", { to: phoneNumbers(size), message, serviceId: FIXTURE.services.standard })) as { data: string };
      return answer.data;
    },
    async tick(steps = 1) {
      await call("POST", "/__sim/tick", { steps }, true);
    },
    async setLatency(latencyMs) {
      await call("DELETE", "/__sim/faults", undefined, true);
      if (latencyMs > 0) await call("POST", "/__sim/faults", { apiKey, kind: "latency", latencyMs }, true);
    },
    close: () => dispatcher.close(),
  };
}
