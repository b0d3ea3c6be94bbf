import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { collectFromText } from "@/lib/sending/collect-recipients";
import { createCampaignDraft } from "@/lib/sending/create-campaign-draft";
import { cancelCampaign, confirmCampaign, resumeCampaign } from "@/lib/sending/manage-campaign";
import { sendOneSms } from "@/lib/sending/send-one-sms";
import { startCampaignWorker, type CampaignWorker } from "@/lib/sending/worker/run-worker";
import { DEFAULT_SUBJECT, PERSONAL_KEY } from "@/lib/spending/context-key";
import { approveCampaign, rejectCampaign } from "@/lib/spending/decide-approval";
import { loadSpendStatus } from "@/lib/spending/preview-spend";
import { recordWithReservation } from "@/lib/spending/record-with-reservation";
import { saveSpendLimits } from "@/lib/spending/save-spend-limits";
import { loadSpendingReport } from "@/lib/spending/load-spending-report";
import { monthIn } from "@/lib/spending/spend-periods";
import { parseSpendingReportFilters } from "@/lib/spending/spending-report-filters";
import { saveApprovalRule, saveSpendTimeZone } from "@/lib/spending/save-spend-settings";
import { closeYazsanaDispatcher } from "@/lib/yazsana";
import { FIXTURE, phoneNumbers, startTestSimulator, type TestSimulator } from "@/sim/testing";
import { sendingWorkspace, useTestMasterKey } from "../support/sending-workspace";

/**
 * Spend controls against the real database and the simulator over HTTP. The
 * personal price of SMS Standart is 0.012, so budgets below are multiples of it.
 */

let sim: TestSimulator;
let worker: CampaignWorker | undefined;
const saved = { ...process.env };

beforeAll(async () => {
  useTestMasterKey();
  sim = await startTestSimulator({ maxBulkRecipients: 3 });
  process.env.YAZSANA_API_URL = sim.url;
  process.env.YAZSANA_BULK_MAX = "3";
});
beforeEach(async () => {
  await sim.admin("POST", "/__sim/reset");
  seeded = 0;
  seeded = await sendingsInSimulator();
});
afterAll(async () => {
  await worker?.stop();
  process.env = saved;
  await closeYazsanaDispatcher();
  await sim.close();
});

const single = (recipient = "0555 123 45 67") => ({ recipient, message: "Bütçe denemesi", serviceId: FIXTURE.services.standard, idempotencyKey: randomUUID() });
const numbers = (count: number, first = 0) => phoneNumbers(count, first).map((number) => `0${number.slice(2)}`).join("\n");

/** Sendings Yazsana received since the simulator's reset (its fixture has some of its own). */
let seeded = 0;
async function sendingsInSimulator(): Promise<number> {
  const result = await sim.call<{ data: { total: number } }>("/sms-sendings", { query: { limit: 1 } });
  return result.json.data.total - seeded;
}

async function setup(roles: Array<"owner" | "admin" | "sender"> = ["owner", "admin", "sender"]) {
  const workspace = await sendingWorkspace(sim.demoKey, roles);
  const owner = await workspace.useContext("owner", null);
  const sender = await workspace.useContext("sender", null);
  const limit = (values: { monthlyBudget?: string; dailyCap?: string }) => saveSpendLimits(owner, { subject: sender.user.id, contextKey: PERSONAL_KEY, ...values });
  return { workspace, owner, sender, limit };
}

async function draft(context: Parameters<typeof createCampaignDraft>[0], text: string) {
  return createCampaignDraft(context, collectFromText(text), { message: "Kampanya", serviceId: FIXTURE.services.standard });
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("daily caps and monthly budgets", () => {
  it("refuses the send past the daily cap, says when it resets, and sends nothing", async () => {
    const { sender, limit } = await setup();
    expect(await limit({ dailyCap: "2" })).toMatchObject({ ok: true });
    expect(await sendOneSms(sender, single())).toMatchObject({ kind: "outcome", state: "accepted" });
    expect(await sendOneSms(sender, single())).toMatchObject({ kind: "outcome", state: "accepted" });
    const third = await sendOneSms(sender, single());
    expect(third).toMatchObject({ kind: "refused", message: expect.stringMatching(/Daily cap reached: you can send no more messages today \(cap 2\)\. It resets at .+ \(Europe\/Istanbul\)/) });
    expect(await sendingsInSimulator()).toBe(2);
    expect(await db.sendRecord.count({ where: { userId: sender.user.id } })).toBe(2);
    expect((await loadSpendStatus({ workspaceId: sender.workspace.id, userId: sender.user.id, organizationId: null })).allowance.capLeft).toBe(0);
  });

  it("failed sends don't count against the cap", async () => {
    const { sender, limit } = await setup();
    await limit({ dailyCap: "1" });
    await sim.admin("POST", "/__sim/faults", { operation: "sendSingleSms", kind: "error", status: 422, times: 1 });
    expect(await sendOneSms(sender, single())).toMatchObject({ kind: "outcome", state: "failed" });
    expect(await sendOneSms(sender, single())).toMatchObject({ kind: "outcome", state: "accepted" });
  });

  it("refuses a campaign over the budget at review, and at confirm when a send spent it since the review", async () => {
    const { sender, limit } = await setup();
    await limit({ monthlyBudget: "0.036" });
    expect(await draft(sender, numbers(4))).toMatchObject({ kind: "refused", message: expect.stringContaining("Monthly budget reached in this context") });

    const fits = await draft(sender, numbers(2, 10));
    if (fits.kind !== "draft") throw new Error(JSON.stringify(fits));
    expect(fits.review.spending.status.allowance.budgetLeft).toBe("0.036000");
    expect(await sendOneSms(sender, single())).toMatchObject({ state: "accepted" });
    expect(await sendOneSms(sender, single())).toMatchObject({ state: "accepted" });
    const confirm = await confirmCampaign(sender, { campaignId: fits.review.campaignId, sendAt: null });
    expect(confirm).toMatchObject({ ok: false, message: expect.stringContaining("0.012 USD of 0.036 USD is left and this send costs 0.024 USD") });
    expect(await db.campaign.findUniqueOrThrow({ where: { id: fits.review.campaignId } })).toMatchObject({ state: "draft", reservedAt: null });
    expect(await sendingsInSimulator()).toBe(2);
  });

  it("budgets are per context: spending in personal credit leaves an organization's budget alone", async () => {
    const { workspace, owner, sender, limit } = await setup();
    await limit({ monthlyBudget: "0.012" });
    await saveSpendLimits(owner, { subject: sender.user.id, contextKey: FIXTURE.organizations.kargo, monthlyBudget: "1" });
    expect(await sendOneSms(sender, single())).toMatchObject({ state: "accepted" });
    expect(await sendOneSms(sender, single())).toMatchObject({ kind: "refused" });
    const inKargo = await workspace.useContext("sender", FIXTURE.organizations.kargo);
    expect(await sendOneSms(inKargo, single())).toMatchObject({ state: "accepted" });
  });

  it("applies the defaults to members without limits of their own, and a member's own row wins", async () => {
    const { owner, sender, limit } = await setup();
    await saveSpendLimits(owner, { subject: DEFAULT_SUBJECT, contextKey: PERSONAL_KEY, monthlyBudget: "", dailyCap: "1" });
    expect(await sendOneSms(sender, single())).toMatchObject({ state: "accepted" });
    expect(await sendOneSms(sender, single())).toMatchObject({ kind: "refused" });
    await limit({ dailyCap: "" });
    expect(await sendOneSms(sender, single())).toMatchObject({ state: "accepted" });
    const audit = await db.auditEvent.findMany({ where: { workspaceId: owner.workspace.id, action: { startsWith: "spending." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => [event.action, event.actorId, event.metadata])).toEqual([
      ["spending.default_cap_changed", owner.user.id, { from: "—", to: "1" }],
      ["spending.cap_changed", owner.user.id, { email: sender.user.email, from: "1", to: "—" }],
    ]);
  });

  it("audits each policy change with who, what and from → to, and an unchanged save writes nothing", async () => {
    const { owner, sender, limit } = await setup();
    await limit({ monthlyBudget: "250", dailyCap: "" });
    await limit({ monthlyBudget: "99,50", dailyCap: "" });
    await limit({ monthlyBudget: "99.5", dailyCap: "" });
    await saveApprovalRule(owner, { aboveRecipients: "100", aboveCost: "" });
    await saveApprovalRule(owner, { aboveRecipients: "100", aboveCost: "" });
    await saveSpendTimeZone(owner, { timeZone: "America/New_York" });
    const audit = await db.auditEvent.findMany({ where: { workspaceId: owner.workspace.id, action: { startsWith: "spending." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => [event.action, event.actorId, event.target, event.metadata])).toEqual([
      ["spending.budget_changed", owner.user.id, sender.user.id, { email: sender.user.email, context: "personal", from: "—", to: "250" }],
      ["spending.budget_changed", owner.user.id, sender.user.id, { email: sender.user.email, context: "personal", from: "250", to: "99.5" }],
      ["spending.rule_changed", owner.user.id, null, { from: "recipients > —, cost > —", to: "recipients > 100, cost > —" }],
      ["spending.time_zone_changed", owner.user.id, null, { from: "Europe/Istanbul", to: "America/New_York" }],
    ]);
  });

  it("refuses bad limits with a message next to the field and changes nothing", async () => {
    const { owner, sender, limit } = await setup();
    expect(await limit({ monthlyBudget: "-5", dailyCap: "2.5" })).toEqual({
      ok: false,
      fieldErrors: { monthlyBudget: [expect.stringContaining("Enter an amount")], dailyCap: [expect.stringContaining("whole number")] },
    });
    expect(await saveApprovalRule(owner, { aboveRecipients: "many" })).toMatchObject({ ok: false, fieldErrors: { aboveRecipients: [expect.any(String)] } });
    expect(await saveSpendLimits(sender, { subject: sender.user.id, contextKey: PERSONAL_KEY, dailyCap: "1000" })).toMatchObject({ ok: false });
    expect(await db.spendCap.count({ where: { workspaceId: owner.workspace.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { workspaceId: owner.workspace.id, action: { startsWith: "spending." } } })).toBe(0);
  });
});

describe("the spending report", () => {
  it("shows per member and context what counts against the budget, the share used and today's cap left", async () => {
    const { owner, sender, limit } = await setup();
    await limit({ monthlyBudget: "0.048", dailyCap: "5" });
    await sendOneSms(sender, single());
    await sendOneSms(sender, single());
    const filters = parseSpendingReportFilters({ month: "not-a-month", context: "personal" }, monthIn("Europe/Istanbul"));
    expect(filters.month).toBe(monthIn("Europe/Istanbul"));
    const report = await loadSpendingReport(owner.workspace.id, filters);
    expect(report.rows).toEqual([
      expect.objectContaining({ email: sender.user.email, contextKey: "personal", messages: 2, cost: "0.024000", monthlyBudget: "0.048000", budgetUsedPercent: 50, dailyCap: 5, capLeftToday: 3 }),
    ]);
    expect((await loadSpendingReport(owner.workspace.id, { month: "2020-01", context: "all" })).rows).toEqual([
      expect.objectContaining({ email: sender.user.email, messages: 0, cost: "0", budgetUsedPercent: 0 }),
    ]);
  });
});

describe("concurrent sends", () => {
  it("lets exactly one of eight simultaneous single sends through a budget that fits one", async () => {
    const { sender, limit } = await setup();
    await limit({ monthlyBudget: "0.012" });
    const results = await Promise.all(Array.from({ length: 8 }, (_, index) => sendOneSms({ ...sender, user: { ...sender.user } }, single(`0555 123 45 6${index}`))));
    expect(results.filter((result) => result.kind === "outcome" && result.state === "accepted")).toHaveLength(1);
    expect(results.filter((result) => result.kind === "refused")).toHaveLength(7);
    expect(await sendingsInSimulator()).toBe(1);
  });

  it("the check-and-reserve step itself admits exactly one of ten racing reservations", async () => {
    const { sender, limit } = await setup();
    await limit({ monthlyBudget: "0.012" });
    const request = { workspaceId: sender.workspace.id, userId: sender.user.id, organizationId: null, cost: "0.012000", messages: 1, currency: "USD" };
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        recordWithReservation(request, (tx) =>
          tx.sendRecord.create({
            data: {
              workspaceId: request.workspaceId,
              userId: request.userId,
              serviceId: FIXTURE.services.standard,
              serviceName: "SMS Standart",
              currency: "USD",
              unitPrice: "0.012",
              recipients: ["905551234567"],
              recipientCount: 1,
              costEstimate: "0.012",
              message: "x",
              state: "pending",
              idempotencyKey: randomUUID(),
            },
            select: { id: true },
          }),
        ),
      ),
    );
    expect(results.filter((result) => result.kind === "reserved")).toHaveLength(1);
    expect(await db.sendRecord.count({ where: { userId: sender.user.id } })).toBe(1);
  });

  it("confirms exactly one of two campaigns that each fit the cap alone", async () => {
    const { sender, limit } = await setup();
    await limit({ dailyCap: "3" });
    const first = await draft(sender, numbers(3, 20));
    const second = await draft(sender, numbers(3, 30));
    if (first.kind !== "draft" || second.kind !== "draft") throw new Error("no drafts");
    const results = await Promise.all([
      confirmCampaign(sender, { campaignId: first.review.campaignId, sendAt: new Date(Date.now() + 3_600_000) }),
      confirmCampaign(sender, { campaignId: second.review.campaignId, sendAt: new Date(Date.now() + 3_600_000) }),
    ]);
    expect(results.map((result) => result.ok).sort()).toEqual([false, true]);
    const states = await db.campaign.findMany({ where: { id: { in: [first.review.campaignId, second.review.campaignId] } }, select: { state: true } });
    expect(states.map((campaign) => campaign.state).sort()).toEqual(["draft", "scheduled"]);
  });
});

describe("resuming a stopped campaign", () => {
  const chunkStates = async (campaignId: string) =>
    (await db.sendRecord.findMany({ where: { campaignId }, orderBy: { chunkIndex: "asc" }, select: { state: true } })).map((chunk) => chunk.state);

  /** A 9-recipient campaign (3 chunks of 0.036) whose second chunk Yazsana refused: the first went out, the third waits. */
  async function stoppedCampaign(sender: Parameters<typeof draft>[0], first: number) {
    const review = await draft(sender, numbers(9, first));
    if (review.kind !== "draft") throw new Error(JSON.stringify(review));
    await sim.admin("POST", "/__sim/faults", { operation: "sendBulkSms", kind: "latency", latencyMs: 0, times: 1 });
    await sim.admin("POST", "/__sim/faults", { operation: "sendBulkSms", kind: "error", status: 422, times: 1 });
    expect(await confirmCampaign(sender, { campaignId: review.review.campaignId, sendAt: null })).toMatchObject({ ok: true });
    worker ??= await startCampaignWorker({ pollIntervalMs: 100 });
    await waitFor(() => db.campaign.findUniqueOrThrow({ where: { id: review.review.campaignId }, select: { state: true } }), (campaign) => campaign.state === "stopped", "the stop");
    expect(await chunkStates(review.review.campaignId)).toEqual(["accepted", "failed", "queued"]);
    return review.review.campaignId;
  }

  it("checks the failed chunk against the budget again: refused with what is left, nothing changes; sent once when it fits", async () => {
    const { owner, sender, limit } = await setup();
    await limit({ monthlyBudget: "0.108" });
    const campaignId = await stoppedCampaign(sender, 100);
    // The failed chunk no longer counts (0.036 left); a single SMS spends a third of that.
    expect((await loadSpendStatus({ workspaceId: sender.workspace.id, userId: sender.user.id, organizationId: null })).allowance.budgetLeft).toBe("0.036000");
    expect(await sendOneSms(sender, single())).toMatchObject({ state: "accepted" });
    expect(await sendingsInSimulator()).toBe(2);

    const refused = await resumeCampaign(sender, campaignId);
    expect(refused).toEqual({ ok: false, message: expect.stringContaining("Monthly budget reached in this context: 0.024 USD of 0.108 USD is left and this send costs 0.036 USD. It resets at") });
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { state: true } })).toEqual({ state: "stopped" });
    expect(await chunkStates(campaignId)).toEqual(["accepted", "failed", "queued"]);
    expect(await db.auditEvent.count({ where: { target: campaignId, action: "campaign.resumed" } })).toBe(0);
    expect(await db.$queryRaw<unknown[]>`SELECT 1 FROM graphile_worker.jobs WHERE key = ${`campaign-start:${campaignId}`}`).toEqual([]);
    expect(await sendingsInSimulator()).toBe(2);

    await saveSpendLimits(owner, { subject: sender.user.id, contextKey: PERSONAL_KEY, monthlyBudget: "0.120" });
    expect(await resumeCampaign(sender, campaignId)).toMatchObject({ ok: true });
    await waitFor(() => db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { state: true } }), (campaign) => campaign.state === "completed", "completion after resume");
    expect(await chunkStates(campaignId)).toEqual(["accepted", "accepted", "accepted"]);
    expect(await sendingsInSimulator()).toBe(4);
    // Everything now counts: 0.108 of the campaign and 0.012 of the single SMS.
    expect((await loadSpendStatus({ workspaceId: sender.workspace.id, userId: sender.user.id, organizationId: null })).allowance.budgetLeft).toBe("0.000000");
  });

  it("checks the daily cap too, for whoever resumes it: the campaign's member's cap", async () => {
    const { owner, sender, limit } = await setup();
    await limit({ dailyCap: "9" });
    const campaignId = await stoppedCampaign(sender, 200);
    expect(await sendOneSms(sender, single())).toMatchObject({ state: "accepted" });
    expect(await resumeCampaign(owner, campaignId)).toEqual({ ok: false, message: expect.stringMatching(/^Daily cap reached: you can send 2 more messages today \(cap 9\)\. It resets at .+ \(Europe\/Istanbul\)/) });
    expect(await chunkStates(campaignId)).toEqual(["accepted", "failed", "queued"]);
    expect(await sendingsInSimulator()).toBe(2);
  });

  it("a resume racing a single send for the last of the budget: exactly one of them goes through", async () => {
    const { sender, limit } = await setup();
    await limit({ monthlyBudget: "0.108" });
    const campaignId = await stoppedCampaign(sender, 300);
    const [resumed, sent] = await Promise.all([resumeCampaign({ ...sender, user: { ...sender.user } }, campaignId), sendOneSms({ ...sender, user: { ...sender.user } }, single())]);
    const through = [resumed.ok, sent.kind === "outcome" && sent.state === "accepted"];
    expect(through.filter(Boolean)).toHaveLength(1);
    if (resumed.ok) await waitFor(() => db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { state: true } }), (campaign) => campaign.state === "completed", "completion after resume");
    else expect(await chunkStates(campaignId)).toEqual(["accepted", "failed", "queued"]);
    // Either way the ledger never holds more than the budget.
    const [counted] = await db.$queryRaw<Array<{ cost: string }>>`SELECT COALESCE(SUM(cost_estimate), 0)::text AS cost FROM sends WHERE user_id = ${sender.user.id}::uuid AND state <> 'failed'`;
    expect(Number(counted!.cost)).toBeLessThanOrEqual(0.108);
  });
});

describe("four-eyes approval", () => {
  it("holds a campaign above the rule, refuses self-approval, and sends it once after another admin approves", async () => {
    const { owner, sender } = await setup(["owner", "admin", "sender"]);
    const admin = { ...owner, user: { ...owner.user } };
    expect(await saveApprovalRule(owner, { aboveRecipients: "2" })).toMatchObject({ ok: true });
    const review = await draft(owner, numbers(3, 40));
    if (review.kind !== "draft") throw new Error(JSON.stringify(review));
    expect(review.review.spending.approvalRequired).toBe(true);
    expect(await confirmCampaign(owner, { campaignId: review.review.campaignId, sendAt: null })).toMatchObject({ ok: true, message: expect.stringContaining("awaiting approval") });
    const campaignId = review.review.campaignId;
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).toMatchObject({ state: "awaiting_approval", reservedAt: expect.any(Date) });

    expect(await approveCampaign(admin, campaignId)).toMatchObject({ ok: false, message: expect.stringContaining("your own campaign") });
    expect(await approveCampaign(sender, campaignId)).toMatchObject({ ok: false, message: expect.stringContaining("doesn't allow") });
    worker ??= await startCampaignWorker({ pollIntervalMs: 100 });
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { state: true } })).toEqual({ state: "awaiting_approval" });
    expect(await sendingsInSimulator()).toBe(0);

    const otherAdmin = await sendingWorkspaceMember(owner.workspace.id, "admin");
    expect(await approveCampaign(otherAdmin, campaignId)).toMatchObject({ ok: true });
    expect(await approveCampaign(otherAdmin, campaignId)).toMatchObject({ ok: false, message: expect.stringContaining("no longer awaiting") });
    await waitFor(() => db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { state: true } }), (campaign) => campaign.state === "completed", "completion");
    expect(await sendingsInSimulator()).toBe(1);
    const actions = await db.auditEvent.findMany({ where: { target: campaignId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } });
    expect(actions).toEqual([
      { action: "campaign.created", actorId: owner.user.id },
      { action: "campaign.approved", actorId: otherAdmin.user.id },
    ]);
  });

  it("a campaign under the rule must fit the requester's cap and budget: refused at review and at confirm, nothing stored", async () => {
    const { owner, sender, limit } = await setup();
    await saveApprovalRule(owner, { aboveRecipients: "5" });
    await limit({ dailyCap: "2" });
    expect(await draft(sender, numbers(3, 80))).toMatchObject({ kind: "refused", message: expect.stringContaining("Daily cap reached: you can send 2 more messages today (cap 2)") });
    expect(await db.campaign.count({ where: { userId: sender.user.id } })).toBe(0);

    await limit({ dailyCap: "3", monthlyBudget: "0.036" });
    const review = await draft(sender, numbers(3, 80));
    if (review.kind !== "draft") throw new Error(JSON.stringify(review));
    expect(review.review.spending).toMatchObject({ approvalRequired: false, overLimit: [] });
    // A single SMS spends part of the cap and budget between review and confirm.
    expect(await sendOneSms(sender, single())).toMatchObject({ state: "accepted" });
    expect(await confirmCampaign(sender, { campaignId: review.review.campaignId, sendAt: null })).toEqual({ ok: false, message: expect.stringContaining("Daily cap reached") });
    expect(await db.campaign.findUniqueOrThrow({ where: { id: review.review.campaignId } })).toMatchObject({ state: "draft", reservedAt: null, approvalExpiresAt: null, overCapBy: null });
    expect(await db.auditEvent.count({ where: { target: review.review.campaignId } })).toBe(0);

    await limit({ dailyCap: "4", monthlyBudget: "0.036" });
    expect(await confirmCampaign(sender, { campaignId: review.review.campaignId, sendAt: null })).toEqual({ ok: false, message: expect.stringContaining("0.024 USD of 0.036 USD is left and this send costs 0.036 USD") });
    expect(await db.campaign.findUniqueOrThrow({ where: { id: review.review.campaignId }, select: { state: true, reservedAt: true } })).toEqual({ state: "draft", reservedAt: null });
    expect(await sendingsInSimulator()).toBe(1);
  });

  it("a campaign over the rule and beyond the requester's cap and budget waits for approval, reserved, with how far beyond; rejection releases it", async () => {
    const { owner, sender, limit } = await setup();
    await saveApprovalRule(owner, { aboveRecipients: "2" });
    await limit({ dailyCap: "2", monthlyBudget: "0.024" });
    const review = await draft(sender, numbers(3, 85));
    if (review.kind !== "draft") throw new Error(JSON.stringify(review));
    expect(review.review.spending.approvalRequired).toBe(true);
    expect(review.review.spending.overLimit).toEqual([
      "This campaign goes beyond your daily cap by 1 message.",
      "This campaign goes beyond your monthly budget in this context by 0.012 USD.",
    ]);
    expect(review.review.spending.notes).toEqual(expect.arrayContaining([expect.stringMatching(/^Messages left today: 2 of 2 \(resets .+, Europe\/Istanbul\)\.$/), expect.stringContaining("approves going beyond your limit")]));

    expect(await confirmCampaign(sender, { campaignId: review.review.campaignId, sendAt: null })).toEqual({ ok: true, message: expect.stringContaining("It goes beyond your limit") });
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: review.review.campaignId } });
    expect(campaign).toMatchObject({ state: "awaiting_approval", reservedAt: expect.any(Date), overCapBy: 1 });
    expect(campaign.overBudgetBy?.toFixed(6)).toBe("0.012000");
    const created = await db.auditEvent.findFirstOrThrow({ where: { target: campaign.id, action: "campaign.created" } });
    expect(created.metadata).toMatchObject({ awaitingApproval: true, overCapBy: 1, overBudgetBy: "0.012000" });
    // The reservation counts against the member's usage while it waits.
    expect(await sendOneSms(sender, single())).toMatchObject({ kind: "refused", message: expect.stringContaining("Daily cap reached: you can send no more messages today (cap 2)") });
    expect(await loadSpendStatus({ workspaceId: sender.workspace.id, userId: sender.user.id, organizationId: null })).toMatchObject({ allowance: { capLeft: 0, budgetLeft: "0.000000" } });

    expect(await rejectCampaign(owner, campaign.id, "Over the limit this month")).toMatchObject({ ok: true });
    expect(await loadSpendStatus({ workspaceId: sender.workspace.id, userId: sender.user.id, organizationId: null })).toMatchObject({ allowance: { capLeft: 2, budgetLeft: "0.024000" } });
    expect(await sendOneSms(sender, single())).toMatchObject({ state: "accepted" });
    expect(await sendingsInSimulator()).toBe(1);
  });

  it("approving a campaign beyond the requester's limit is an explicit override: sent once, audited as such", async () => {
    const { owner, sender, limit } = await setup();
    await saveApprovalRule(owner, { aboveRecipients: "2" });
    await limit({ dailyCap: "2" });
    const review = await draft(sender, numbers(3, 90));
    if (review.kind !== "draft") throw new Error(JSON.stringify(review));
    await confirmCampaign(sender, { campaignId: review.review.campaignId, sendAt: null });
    const campaignId = review.review.campaignId;

    expect(await approveCampaign(owner, campaignId)).toMatchObject({ ok: false, field: "overrideLimit", message: expect.stringContaining("exceeds the requester's limit") });
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { state: true } })).toEqual({ state: "awaiting_approval" });
    worker ??= await startCampaignWorker({ pollIntervalMs: 100 });
    expect(await approveCampaign(owner, campaignId, { overrideLimit: true })).toMatchObject({ ok: true, message: expect.stringContaining("Approved beyond the requester's limit") });
    expect(await approveCampaign(owner, campaignId, { overrideLimit: true })).toMatchObject({ ok: false, message: expect.stringContaining("no longer awaiting") });
    await waitFor(() => db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { state: true } }), (campaign) => campaign.state === "completed", "completion");
    expect(await sendingsInSimulator()).toBe(1);
    const approved = await db.auditEvent.findMany({ where: { target: campaignId, action: "campaign.approved" }, select: { actorId: true, metadata: true } });
    expect(approved).toEqual([{ actorId: owner.user.id, metadata: { from: "awaiting_approval", to: "running", overrodeLimit: true, overCapBy: 1, overBudgetBy: null } }]);
  });

  it("reserves the cost while waiting and releases it on rejection", async () => {
    const { owner, sender, limit } = await setup();
    await saveApprovalRule(owner, { aboveRecipients: "2" });
    await limit({ monthlyBudget: "0.036" });
    const review = await draft(sender, numbers(3, 50));
    if (review.kind !== "draft") throw new Error(JSON.stringify(review));
    await confirmCampaign(sender, { campaignId: review.review.campaignId, sendAt: null });
    expect(await sendOneSms(sender, single())).toMatchObject({ kind: "refused", message: expect.stringContaining("0.00 USD of 0.036 USD is left") });

    expect(await rejectCampaign(owner, review.review.campaignId, "Too many recipients this week")).toMatchObject({ ok: true });
    expect(await db.campaign.findUniqueOrThrow({ where: { id: review.review.campaignId } })).toMatchObject({ state: "rejected", approvalReason: "Too many recipients this week", approvalDecidedById: owner.user.id });
    expect(await sendOneSms(sender, single())).toMatchObject({ state: "accepted" });
    expect(await approveCampaign(owner, review.review.campaignId)).toMatchObject({ ok: false });
  });

  it("expires an undecided request after 7 days: it can no longer be approved and its reservation is gone", async () => {
    const { owner, sender, limit } = await setup();
    await saveApprovalRule(owner, { aboveCost: "0.030" });
    await limit({ monthlyBudget: "0.036" });
    const review = await draft(sender, numbers(3, 60));
    if (review.kind !== "draft") throw new Error(JSON.stringify(review));
    await confirmCampaign(sender, { campaignId: review.review.campaignId, sendAt: null });
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: review.review.campaignId } });
    expect(campaign.approvalExpiresAt!.getTime() - campaign.reservedAt!.getTime()).toBeGreaterThanOrEqual(7 * 24 * 3600 * 1000 - 1000);
    expect(await sendOneSms(sender, single())).toMatchObject({ kind: "refused" });

    // Seven days pass.
    await db.campaign.update({ where: { id: campaign.id }, data: { approvalExpiresAt: new Date(Date.now() - 1000) } });
    expect(await approveCampaign(owner, campaign.id)).toMatchObject({ ok: false, message: expect.stringContaining("expired") });
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { state: true } })).toEqual({ state: "expired" });
    expect(await sendOneSms(sender, single())).toMatchObject({ state: "accepted" });
    expect(await sendingsInSimulator()).toBe(1);
  });

  it("lets the requester withdraw a request by cancelling it", async () => {
    const { owner, sender } = await setup();
    await saveApprovalRule(owner, { aboveRecipients: "1" });
    const review = await draft(sender, numbers(2, 70));
    if (review.kind !== "draft") throw new Error(JSON.stringify(review));
    await confirmCampaign(sender, { campaignId: review.review.campaignId, sendAt: null });
    expect(await cancelCampaign(sender, review.review.campaignId)).toMatchObject({ ok: true });
    expect(await approveCampaign(owner, review.review.campaignId)).toMatchObject({ ok: false, message: expect.stringContaining("no longer awaiting") });
  });
});

async function sendingWorkspaceMember(workspaceId: string, role: "admin") {
  const user = await db.user.create({ data: { email: `${role}-${randomUUID()}@example.com`, name: "Second Admin", passwordHash: "x", currentWorkspaceId: workspaceId } });
  await db.membership.create({ data: { userId: user.id, workspaceId, role } });
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { id: true, name: true } });
  return { user: { id: user.id, email: user.email, name: user.name, currentWorkspaceId: workspaceId, locale: null, timeZone: null }, workspace, role };
}
