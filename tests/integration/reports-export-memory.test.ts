import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvDownload } from "@/lib/reports/csv-response";
import { messagesCsvHeader, messagesCsvRows } from "@/lib/reports/export-messages";
import { parseMessagesFilters } from "@/lib/reports/messages-filters";
import { closeYazsanaDispatcher } from "@/lib/yazsana";
import { FIXTURE, phoneNumbers, startTestSimulator, type TestSimulator } from "@/sim/testing";
import { startRecordingProxy, type RecordingProxy } from "../support/recording-proxy";
import { exposeGarbageCollector } from "../support/collect-garbage";

/**
 * A 100,000-message sending exports with bounded memory: the heap that stays
 * alive after garbage collection, sampled all through the download, never
 * grows by more than 64 MB — a file held in memory would be well past that.
 * Memory is measured, never time.
 */
const SIZE = 100_000;
const LIMIT_BYTES = 64 * 1024 * 1024;

const collectGarbage = exposeGarbageCollector();
const liveHeap = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

let sim: TestSimulator;
let proxy: RecordingProxy;
let sendingId: string;
const originalEnv = { ...process.env };

beforeAll(async () => {
  sim = await startTestSimulator();
  proxy = await startRecordingProxy(sim.url);
  process.env.YAZSANA_API_URL = proxy.url;
  // The simulator's one bulk send is the cheap way to a 100k-message sending.
  const sent = await sim.call<{ data: string }>("/sms-sendings/bulk", {
    method: "POST",
    body: { to: phoneNumbers(SIZE), message: "=1+1 Büyük kampanya: çğıİöşü", serviceId: FIXTURE.services.standard },
  });
  expect(sent.status).toBe(201);
  sendingId = sent.json.data;
  await sim.tick(2);
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await sim?.close();
  await closeYazsanaDispatcher();
  process.env = originalEnv;
});

describe("exporting a 100,000-message sending", () => {
  it("streams every row while the live heap grows by less than 64 MB", async () => {
    const yazsana = { apiKey: sim.demoKey };
    const baseline = liveHeap();
    const response = await csvDownload("messages", "2025-06-01", messagesCsvHeader("UTC"), messagesCsvRows(yazsana, sendingId, parseMessagesFilters({}).filters, "UTC"));
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let lines = 0;
    let chunks = 0;
    let peakGrowth = 0;
    let pagesFetchedAtFirstChunk = -1;
    let escapedRows = 0;
    let tail = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks += 1;
      if (pagesFetchedAtFirstChunk < 0) pagesFetchedAtFirstChunk = proxy.requests.length;
      const text = tail + decoder.decode(value, { stream: true });
      const parts = text.split("\r\n");
      tail = parts.pop()!;
      lines += parts.length;
      for (const line of parts) if (line.includes(",'=1+1 Büyük kampanya: çğıİöşü,")) escapedRows += 1;
      if (chunks % 100 === 0) peakGrowth = Math.max(peakGrowth, liveHeap() - baseline);
    }
    peakGrowth = Math.max(peakGrowth, liveHeap() - baseline);
    console.log(`[export 100k] ${lines} lines in ${chunks} chunks, ${proxy.requests.length} upstream pages, peak live heap growth ${(peakGrowth / 1024 / 1024).toFixed(1)} MB`);

    expect(tail).toBe("");
    expect(lines).toBe(SIZE + 1);
    expect(escapedRows).toBe(SIZE);
    expect(proxy.requests.length).toBe(SIZE / 100);
    // Rows went out while most pages were still at Yazsana: streamed, not collected first.
    expect(pagesFetchedAtFirstChunk).toBeLessThanOrEqual(2);
    expect(peakGrowth).toBeLessThan(LIMIT_BYTES);
  }, 300_000);
});
