import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createPortalLogger } from "@/lib/log/logger";
import { collectFromText } from "@/lib/sending/collect-recipients";
import { createCampaignDraft } from "@/lib/sending/create-campaign-draft";
import { confirmCampaign } from "@/lib/sending/manage-campaign";
import { sendOneSms } from "@/lib/sending/send-one-sms";
import { startCampaignWorker, type CampaignWorker } from "@/lib/sending/worker/run-worker";
import { closeYazsanaDispatcher } from "@/lib/yazsana";
import enYazsana from "@/messages/en/yazsana.json";
import { FIXTURE, phoneNumbers, startTestSimulator, type TestSimulator } from "@/sim/testing";
import { sendingWorkspace, useTestMasterKey } from "../support/sending-workspace";

/**
 * The fault suite's server half: every upstream fault against a single send
 * and a campaign's worker, checked where it lands — the local records, the
 * audit log and the simulator's own ledger. The portal talks to the
 * simulator's refusable port, so "connection refused" is a real ECONNREFUSED.
 */

let sim: TestSimulator;
const saved = { ...process.env };

beforeAll(async () => {
  useTestMasterKey();
  sim = await startTestSimulator({ maxBulkRecipients: 3, refusablePort: 0 });
  process.env.YAZSANA_API_URL = sim.refusableUrl;
  process.env.YAZSANA_BULK_MAX = "3";
  // Short, so timeouts cost little; well above what the simulator needs on a loaded machine.
  process.env.YAZSANA_TIMEOUT_MS = "1500";
  process.env.YAZSANA_DEADLINE_MS = "4000";
});
beforeEach(async () => {
  await sim.admin("POST", "/__sim/reset");
});
afterAll(async () => {
  process.env = saved;
  await closeYazsanaDispatcher();
  await sim.close();
});

const fault = (spec: Record<string, unknown>) => sim.admin("POST", "/__sim/faults", spec);
const refuse = (refusing: boolean) => sim.admin("POST", "/__sim/refuse", { refusing });

async function sendingsInSimulator(): Promise<number> {
  return (await sim.call<{ data: { total: number } }>("/sms-sendings", { query: { limit: 1 } })).json.data.total;
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type SingleCase = {
  name: string;
  arm(): Promise<unknown>;
  state: "failed" | "unknown";
  message: string;
  audit: "sms.send_failed" | "sms.send_unknown";
  /** Did the simulator take the send (it handled it, then the answer was lost)? */
  reachedLedger: boolean;
};

const SINGLE_CASES: SingleCase[] = [
  { name: "HTTP 500", arm: () => fault({ operation: "sendSingleSms", kind: "error", status: 500 }), state: "unknown", message: enYazsana.failedSend, audit: "sms.send_unknown", reachedLedger: false },
  {
    name: "429 with Retry-After",
    arm: () => fault({ operation: "sendSingleSms", kind: "rate_limit", retryAfterSeconds: 30 }),
    state: "failed",
    message: "Yazsana is rate limiting requests; try again in 30 seconds.",
    audit: "sms.send_failed",
    reachedLedger: false,
  },
  { name: "a timeout", arm: () => fault({ operation: "sendSingleSms", kind: "timeout" }), state: "unknown", message: enYazsana.timeoutSend, audit: "sms.send_unknown", reachedLedger: false },
  {
    name: "an answer lost after Yazsana took the send",
    arm: () => fault({ operation: "sendSingleSms", kind: "lost_answer" }),
    state: "unknown",
    message: enYazsana.timeoutSend,
    audit: "sms.send_unknown",
    reachedLedger: true,
  },
  { name: "a malformed body", arm: () => fault({ operation: "sendSingleSms", kind: "malformed" }), state: "unknown", message: enYazsana.malformedSend, audit: "sms.send_unknown", reachedLedger: false },
];

describe("a single send under upstream faults", () => {
  for (const testCase of SINGLE_CASES) {
    it(`${testCase.name}: says so, records ${testCase.state} with its audit event, and a resubmit never resends`, async () => {
      const workspace = await sendingWorkspace(sim.demoKey);
      const owner = await workspace.useContext("owner", null);
      const before = await sendingsInSimulator();
      await testCase.arm();
      const input = { recipient: "0555 123 45 67", message: `Arıza ${testCase.name}`, serviceId: FIXTURE.services.standard, idempotencyKey: randomUUID() };
      const result = await sendOneSms(owner, input);
      expect(result).toMatchObject({ kind: "outcome", state: testCase.state, message: expect.stringContaining(testCase.message) });
      const record = await db.sendRecord.findFirstOrThrow({ where: { workspaceId: workspace.workspaceId } });
      expect(record).toMatchObject({ state: testCase.state, idempotencyKey: input.idempotencyKey, recipients: ["905551234567"] });
      const audit = await db.auditEvent.findMany({ where: { workspaceId: workspace.workspaceId, action: { startsWith: "sms." } } });
      expect(audit.map((event) => [event.action, event.target])).toEqual([[testCase.audit, record.id]]);

      // The same form submitted again once Yazsana is fine: the recorded outcome, not a second send.
      await sim.admin("DELETE", "/__sim/faults");
      expect(await sendOneSms(owner, input)).toMatchObject({ state: testCase.state, recordId: record.id });
      expect(await sendingsInSimulator()).toBe(before + (testCase.reachedLedger ? 1 : 0));
      expect(await db.sendRecord.count({ where: { workspaceId: workspace.workspaceId } })).toBe(1);
    });
  }

  it("a slow answer (5 s, under the timeout) is sent once and recorded as accepted", async () => {
    process.env.YAZSANA_TIMEOUT_MS = "10000";
    process.env.YAZSANA_DEADLINE_MS = "10000";
    try {
      const workspace = await sendingWorkspace(sim.demoKey);
      const owner = await workspace.useContext("owner", null);
      const before = await sendingsInSimulator();
      await fault({ operation: "sendSingleSms", kind: "latency", latencyMs: 5_000 });
      const result = await sendOneSms(owner, { recipient: "0555 123 45 68", message: "Yavaş", serviceId: FIXTURE.services.standard, idempotencyKey: randomUUID() });
      expect(result).toMatchObject({ state: "accepted" });
      expect(await sendingsInSimulator()).toBe(before + 1);
      expect(await db.auditEvent.count({ where: { workspaceId: workspace.workspaceId, action: "sms.sent" } })).toBe(1);
    } finally {
      process.env.YAZSANA_TIMEOUT_MS = "1500";
      process.env.YAZSANA_DEADLINE_MS = "4000";
    }
  }, 30_000);

  it("a refused connection: nothing is recorded or sent, and the next send works once Yazsana is back", async () => {
    const workspace = await sendingWorkspace(sim.demoKey);
    const owner = await workspace.useContext("owner", null);
    const before = await sendingsInSimulator();
    await refuse(true);
    const input = { recipient: "0555 123 45 69", message: "Bağlantı yok", serviceId: FIXTURE.services.standard, idempotencyKey: randomUUID() };
    // The send first reads its context (services, prices), which already cannot reach Yazsana.
    expect(await sendOneSms(owner, input)).toMatchObject({ kind: "refused", message: enYazsana.unavailable });
    expect(await db.sendRecord.count({ where: { workspaceId: workspace.workspaceId } })).toBe(0);
    await refuse(false);
    expect(await sendOneSms(await workspace.useContext("owner", null), input)).toMatchObject({ state: "accepted" });
    expect(await sendingsInSimulator()).toBe(before + 1);
  });
});

describe("a campaign's worker under upstream faults", () => {
  let worker: CampaignWorker | undefined;
  afterAll(async () => worker?.stop());

  async function confirmedCampaign(first: number, text: string) {
    const workspace = await sendingWorkspace(sim.demoKey);
    const owner = await workspace.useContext("owner", null);
    const numbers = phoneNumbers(6, first).map((number) => `0${number.slice(2)}`).join("\n");
    const draft = await createCampaignDraft(owner, collectFromText(numbers), { message: text, serviceId: FIXTURE.services.standard });
    if (draft.kind !== "draft") throw new Error(`no draft: ${JSON.stringify(draft)}`);
    expect(await confirmCampaign(owner, { campaignId: draft.review.campaignId, sendAt: null })).toMatchObject({ ok: true });
    return { workspaceId: workspace.workspaceId, campaignId: draft.review.campaignId };
  }

  const chunkStates = async (campaignId: string) =>
    (await db.sendRecord.findMany({ where: { campaignId }, orderBy: { chunkIndex: "asc" }, select: { state: true } })).map((chunk) => chunk.state);
  const campaignState = async (campaignId: string) => (await db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).state;

  async function numbersSent(text: string): Promise<string[]> {
    const sendings = await sim.call<{ data: { items: Array<{ id: string }> } }>("/sms-sendings", { query: { limit: 100, text } });
    const numbers: string[] = [];
    for (const sending of sendings.json.data.items) {
      const page = await sim.call<{ data: { items: Array<{ to: string }> } }>(`/sms-sendings/${sending.id}/messages`, { query: { limit: 100 } });
      numbers.push(...page.json.data.items.map((item) => item.to));
    }
    return numbers.sort();
  }

  it("Yazsana refusing connections: the campaign waits, then completes once it is back, each number once", async () => {
    // Confirming reads the context from Yazsana, so it happens before the port closes; the worker starts after.
    await worker?.stop();
    const { campaignId } = await confirmedCampaign(700, "Bağlantı bekleyen 51c2");
    await refuse(true);
    worker = await startCampaignWorker({ pollIntervalMs: 100 });
    await new Promise<void>((resolve) => worker!.runner.events.once("job:error", () => resolve()));
    // Put back, not given up on: nothing was sent, so nothing is unknown.
    expect(await chunkStates(campaignId)).toEqual(["queued", "queued"]);
    expect(await campaignState(campaignId)).toBe("running");
    await refuse(false);
    // graphile-worker's backoff after one failure is about 3 s; 60 s is a generous bound.
    await waitFor(() => campaignState(campaignId), (state) => state === "completed", "completion", 60_000);
    expect(await chunkStates(campaignId)).toEqual(["accepted", "accepted"]);
    expect(await numbersSent("Bağlantı bekleyen 51c2")).toEqual(phoneNumbers(6, 700));
  }, 90_000);

  it("a rate-limited chunk is retried once the limit lifts; nothing is sent twice; the retry is one warning line without a stack", async () => {
    // A worker of its own, so this test reads exactly the lines its retry wrote.
    await worker?.stop();
    const raw: string[] = [];
    worker = await startCampaignWorker({ pollIntervalMs: 100, log: createPortalLogger({ destination: { write: (line: string) => void raw.push(line) }, level: "info" }) });
    await fault({ operation: "sendBulkSms", kind: "rate_limit", retryAfterSeconds: 1, times: 1 });
    const { campaignId } = await confirmedCampaign(800, "Sınırlı kampanya 9d0e");
    await waitFor(() => campaignState(campaignId), (state) => state === "completed", "completion", 60_000);
    expect(await chunkStates(campaignId)).toEqual(["accepted", "accepted"]);
    expect(await numbersSent("Sınırlı kampanya 9d0e")).toEqual(phoneNumbers(6, 800));

    const lines = raw.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => line.level === "error")).toEqual([]);
    expect(lines.filter((line) => line.level === "warn")).toEqual([
      expect.objectContaining({ task: "campaign-chunk", operation: "sendBulkSms", status: 429, retryAfterSeconds: 1, errorKind: "rate_limited", attempt: 1 }),
    ]);
    expect(raw.join("\n")).not.toMatch(/\n\s+at |"stack"/);
  }, 90_000);

  it("a chunk whose answer is lost is unknown in the records and the audit log, never resent; the rest goes on", async () => {
    worker ??= await startCampaignWorker({ pollIntervalMs: 100 });
    await fault({ operation: "sendBulkSms", kind: "lost_answer", times: 1 });
    const { workspaceId, campaignId } = await confirmedCampaign(900, "Kayıp yanıt 3b7a");
    await waitFor(() => campaignState(campaignId), (state) => state === "completed", "completion", 60_000);
    const chunks = await db.sendRecord.findMany({ where: { campaignId }, orderBy: { chunkIndex: "asc" } });
    expect(chunks.map((chunk) => [chunk.state, chunk.errorKind])).toEqual([
      ["unknown", "timeout"],
      ["accepted", null],
    ]);
    const audit = await db.auditEvent.findMany({ where: { workspaceId, action: "campaign.chunk_unknown" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target: chunks[0]!.id, metadata: { campaignId, chunkIndex: 0, error: "timeout" } });
    // Yazsana took the lost chunk once, and nothing was resent.
    expect(await numbersSent("Kayıp yanıt 3b7a")).toEqual(phoneNumbers(6, 900));
  }, 90_000);

  it("HTTP 500 and a malformed body mark their chunks unknown (they may have gone out), audited", async () => {
    worker ??= await startCampaignWorker({ pollIntervalMs: 100 });
    await fault({ operation: "sendBulkSms", kind: "error", status: 500, times: 1 });
    await fault({ operation: "sendBulkSms", kind: "malformed", times: 1 });
    const { workspaceId, campaignId } = await confirmedCampaign(950, "Bozuk yanıt 6c1f");
    await waitFor(() => campaignState(campaignId), (state) => state === "completed", "completion", 60_000);
    const chunks = await db.sendRecord.findMany({ where: { campaignId }, orderBy: { chunkIndex: "asc" } });
    expect(chunks.map((chunk) => [chunk.state, chunk.errorKind])).toEqual([
      ["unknown", "unavailable"],
      ["unknown", "malformed_response"],
    ]);
    expect(await db.auditEvent.count({ where: { workspaceId, action: "campaign.chunk_unknown" } })).toBe(2);
  }, 90_000);
});
