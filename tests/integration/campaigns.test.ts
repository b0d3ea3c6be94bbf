import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { collectFromText } from "@/lib/sending/collect-recipients";
import { createCampaignDraft } from "@/lib/sending/create-campaign-draft";
import { cancelCampaign, confirmCampaign, resumeCampaign } from "@/lib/sending/manage-campaign";
import { startCampaignWorker, type CampaignWorker } from "@/lib/sending/worker/run-worker";
import { closeYazsanaDispatcher } from "@/lib/yazsana";
import type { SimFixture } from "@/sim/fixture";
import { FIXTURE, phoneNumbers, startTestSimulator, type TestSimulator } from "@/sim/testing";
import { WORKER_COMMAND } from "@/scripts/lib/run";
import { stopProcess } from "@/scripts/lib/run";
import { sendingWorkspace, useTestMasterKey } from "../support/sending-workspace";

/**
 * Campaigns end to end: draft → confirm → graphile-worker → simulator over
 * HTTP, with the simulator's bulk limit at 3 and the portal's chunk size 3.
 */

let sim: TestSimulator;
const saved = { ...process.env };

// Anadolu Kargo's member credit is cut to 0.05 so a campaign there can be short of credit.
const fixture = JSON.parse(readFileSync(path.join(process.cwd(), "sim/fixture.json"), "utf8")) as SimFixture;
for (const organization of fixture.organizations) {
  if (organization.id === FIXTURE.organizations.kargo) organization.members[0]!.memberCredit = "0.050000";
}

beforeAll(async () => {
  useTestMasterKey();
  sim = await startTestSimulator({ maxBulkRecipients: 3, fixture });
  process.env.YAZSANA_API_URL = sim.url;
  process.env.YAZSANA_BULK_MAX = "3";
  process.env.YAZSANA_TIMEOUT_MS = "1000";
});
beforeEach(async () => {
  await sim.admin("POST", "/__sim/reset");
});
afterAll(async () => {
  process.env = saved;
  await closeYazsanaDispatcher();
  await sim.close();
});

const numbers = (count: number, first = 0) => phoneNumbers(count, first).map((number) => `0${number.slice(2)}`).join("\n");

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const campaignState = (id: string) => db.campaign.findUniqueOrThrow({ where: { id }, select: { state: true, stopReason: true } });
const chunkStates = async (id: string) =>
  (await db.sendRecord.findMany({ where: { campaignId: id }, orderBy: { chunkIndex: "asc" }, select: { state: true } })).map((chunk) => chunk.state);

/** Every number Yazsana received for the accepted chunks, in order. */
async function numbersReceived(campaignId: string, orgId?: string): Promise<string[]> {
  const chunks = await db.sendRecord.findMany({ where: { campaignId, state: "accepted" }, orderBy: { chunkIndex: "asc" } });
  const received: string[] = [];
  for (const chunk of chunks) {
    const page = await sim.call<{ data: { items: Array<{ to: string }> } }>(`/sms-sendings/${chunk.sendingId}/messages`, { ...(orgId && { orgId }), query: { limit: 100 } });
    received.push(...page.json.data.items.map((item) => item.to).sort());
  }
  return received;
}

async function draftFor(context: Awaited<ReturnType<Awaited<ReturnType<typeof sendingWorkspace>>["useContext"]>>, text: string, message = "Kampanya") {
  const result = await createCampaignDraft(context, collectFromText(text), { message, serviceId: FIXTURE.services.standard });
  if (result.kind !== "draft") throw new Error(`no draft: ${JSON.stringify(result)}`);
  return result.review;
}

describe("bulk campaigns", () => {
  let worker: CampaignWorker | undefined;
  afterAll(async () => worker?.stop());

  it("reviews, then sends in chunks no larger than the bulk limit, each number once", async () => {
    const workspace = await sendingWorkspace(sim.demoKey);
    const owner = await workspace.useContext("owner", null);
    const review = await draftFor(owner, `${numbers(8)}\n${numbers(2)}\n0212 123 45 67`);
    expect(review).toMatchObject({ totalEntries: 11, validCount: 8, duplicates: 2, invalidCount: 1, chunkCount: 3, totalCost: "0.096000", creditCheck: { status: "unknown" } });
    expect(await chunkStates(review.campaignId)).toEqual(["queued", "queued", "queued"]);

    expect(await confirmCampaign(owner, { campaignId: review.campaignId, sendAt: null })).toMatchObject({ ok: true });
    // A second confirm (double click) queues nothing more.
    expect(await confirmCampaign(owner, { campaignId: review.campaignId, sendAt: null })).toMatchObject({ ok: true, message: expect.stringContaining("already") });
    worker = await startCampaignWorker({ pollIntervalMs: 100 });
    await waitFor(() => campaignState(review.campaignId), (campaign) => campaign.state === "completed", "completion");
    expect(await chunkStates(review.campaignId)).toEqual(["accepted", "accepted", "accepted"]);
    expect(await numbersReceived(review.campaignId)).toEqual(phoneNumbers(8).slice(0, 3).concat(phoneNumbers(8).slice(3, 6), phoneNumbers(8).slice(6)));
    expect(await sim.credit(FIXTURE.demoUserId)).toBe("4999.904000");
  });

  it("stops at a definite failure, tells which chunks went out, and resumes the rest once", async () => {
    const workspace = await sendingWorkspace(sim.demoKey);
    const owner = await workspace.useContext("owner", null);
    const review = await draftFor(owner, numbers(9, 100));
    // The first bulk request passes, the second is refused as invalid.
    await sim.admin("POST", "/__sim/faults", { operation: "sendBulkSms", kind: "latency", latencyMs: 0, times: 1 });
    await sim.admin("POST", "/__sim/faults", { operation: "sendBulkSms", kind: "error", status: 422, times: 1 });
    await confirmCampaign(owner, { campaignId: review.campaignId, sendAt: null });
    worker ??= await startCampaignWorker({ pollIntervalMs: 100 });
    const stopped = await waitFor(() => campaignState(review.campaignId), (campaign) => campaign.state === "stopped", "the stop");
    expect(stopped.stopReason).toContain("Yazsana refused");
    expect(await chunkStates(review.campaignId)).toEqual(["accepted", "failed", "queued"]);
    expect(await numbersReceived(review.campaignId)).toHaveLength(3);

    expect(await resumeCampaign(owner, review.campaignId)).toMatchObject({ ok: true });
    await waitFor(() => campaignState(review.campaignId), (campaign) => campaign.state === "completed", "completion after resume");
    expect(await chunkStates(review.campaignId)).toEqual(["accepted", "accepted", "accepted"]);
    expect((await numbersReceived(review.campaignId)).sort()).toEqual(phoneNumbers(9, 100));
  });

  it("refuses in an organization without organization.sms.send, and when the organization's credit is short; nothing is sent", async () => {
    const workspace = await sendingWorkspace(sim.demoKey);
    const klinik = await workspace.useContext("owner", FIXTURE.organizations.klinik);
    expect(await createCampaignDraft(klinik, collectFromText(numbers(2)), { message: "x", serviceId: FIXTURE.services.standard })).toMatchObject({
      kind: "refused",
      message: expect.stringContaining("organization.sms.send"),
    });
    const kargo = await workspace.useContext("owner", FIXTURE.organizations.kargo);
    const review = await draftFor(kargo, numbers(8));
    expect(review).toMatchObject({ totalCost: "0.080000", credit: "0.050000", creditCheck: { status: "short", shortBy: "0.030000" } });
    expect(await confirmCampaign(kargo, { campaignId: review.campaignId, sendAt: null })).toMatchObject({ ok: false, message: expect.stringContaining("Not enough credit") });
    expect(await campaignState(review.campaignId)).toMatchObject({ state: "draft" });
    expect(await sim.credit(FIXTURE.demoUserId, FIXTURE.organizations.kargo)).toBe("0.050000");
  });

  it("schedules a campaign for later and cancels it before it starts", async () => {
    const workspace = await sendingWorkspace(sim.demoKey, ["owner", "viewer"]);
    const owner = await workspace.useContext("owner", null);
    const review = await draftFor(owner, numbers(2, 300));
    expect(await confirmCampaign(owner, { campaignId: review.campaignId, sendAt: new Date(Date.now() - 1000) })).toMatchObject({ ok: false });
    const sendAt = new Date(Date.now() + 3_600_000);
    expect(await confirmCampaign(owner, { campaignId: review.campaignId, sendAt })).toMatchObject({ ok: true, message: "Campaign scheduled." });
    const jobs = await db.$queryRaw<Array<{ run_at: Date }>>`SELECT run_at FROM graphile_worker.jobs WHERE key = ${`campaign-start:${review.campaignId}`}`;
    expect(jobs.map((job) => job.run_at.toISOString())).toEqual([sendAt.toISOString()]);

    expect(await cancelCampaign(workspace.member("viewer"), review.campaignId)).toMatchObject({ ok: false });
    expect(await cancelCampaign(owner, review.campaignId)).toMatchObject({ ok: true });
    expect(await campaignState(review.campaignId)).toMatchObject({ state: "cancelled" });
    expect(await db.$queryRaw<unknown[]>`SELECT 1 FROM graphile_worker.jobs WHERE key = ${`campaign-start:${review.campaignId}`}`).toEqual([]);
    expect(await cancelCampaign(owner, review.campaignId)).toMatchObject({ ok: false });
  });

  it("a worker killed mid-campaign and restarted loses nothing and sends nothing twice", async () => {
    await worker?.stop();
    worker = undefined;
    const workspace = await sendingWorkspace(sim.demoKey);
    const owner = await workspace.useContext("owner", null);
    const review = await draftFor(owner, numbers(12, 500), "Restart test 7f3a");
    // Each bulk request takes a while, so the kill lands with a chunk in flight or between chunks.
    await sim.admin("POST", "/__sim/faults", { operation: "sendBulkSms", kind: "latency", latencyMs: 400 });
    await confirmCampaign(owner, { campaignId: review.campaignId, sendAt: null });

    const env = { ...process.env, WORKER_STALE_LOCK_SECONDS: "1", NODE_ENV: "test" as const };
    let child: ChildProcess = spawn(WORKER_COMMAND[0], WORKER_COMMAND[1], { env, stdio: "inherit" });
    await waitFor(() => chunkStates(review.campaignId), (states) => states[0] === "accepted", "the first chunk", 150_000);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const atKill = await chunkStates(review.campaignId);
    expect(atKill.filter((state) => state === "accepted").length).toBeLessThan(4);

    child = spawn(WORKER_COMMAND[0], WORKER_COMMAND[1], { env, stdio: "inherit" });
    try {
      await waitFor(() => campaignState(review.campaignId), (campaign) => campaign.state === "completed", "completion after restart", 150_000);
    } finally {
      await stopProcess(child);
    }
    await sim.admin("DELETE", "/__sim/faults");
    const states = await chunkStates(review.campaignId);
    // Nothing is left unsent silently: each chunk was sent, or is marked unknown for the user to decide.
    expect(states.every((state) => state === "accepted" || state === "unknown")).toBe(true);
    // Every number Yazsana holds for this campaign, across all its sendings: none twice, and
    // every accepted chunk's numbers among them. An interrupted chunk may or may not be there
    // (it is "unknown" for exactly that reason), but never twice.
    const sendings = await sim.call<{ data: { items: Array<{ id: string }> } }>("/sms-sendings", { query: { limit: 100, text: "Restart test 7f3a" } });
    const everything: string[] = [];
    for (const sending of sendings.json.data.items) {
      const page = await sim.call<{ data: { items: Array<{ to: string }> } }>(`/sms-sendings/${sending.id}/messages`, { query: { limit: 100 } });
      everything.push(...page.json.data.items.map((item) => item.to));
    }
    expect(new Set(everything).size).toBe(everything.length);
    const accepted = (await db.sendRecord.findMany({ where: { campaignId: review.campaignId, state: "accepted" } })).flatMap((chunk) => chunk.recipients);
    expect(everything).toEqual(expect.arrayContaining(accepted));
    expect(everything.length - accepted.length).toBeLessThanOrEqual(3 * states.filter((state) => state === "unknown").length);
    expect(await numbersReceived(review.campaignId)).toHaveLength(accepted.length);
    // Bounds on a hang, not speed: two worker processes start under tsx, which on a loaded
    // 2-core machine can take tens of seconds each.
  }, 360_000);
});
