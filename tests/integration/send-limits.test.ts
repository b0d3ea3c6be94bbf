import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/translator";
import { closeRateLimiters } from "@/lib/rate-limit/limiter-store";
import { collectFromText } from "@/lib/sending/collect-recipients";
import { createCampaignDraft } from "@/lib/sending/create-campaign-draft";
import { confirmCampaign } from "@/lib/sending/manage-campaign";
import { sendOneSms } from "@/lib/sending/send-one-sms";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { closeYazsanaDispatcher } from "@/lib/yazsana";
import { FIXTURE, phoneNumbers, startTestSimulator, type TestSimulator } from "@/sim/testing";
import { runScript } from "../support/run-script";
import { sendingWorkspace, useTestMasterKey } from "../support/sending-workspace";

/**
 * Send limits on the real database and the simulator over HTTP: 2 send
 * operations a member a minute, 6 messages a workspace a day (set small here
 * through the same variables an operator uses).
 */

const PER_MINUTE = 2;
const PER_DAY = 6;
let sim: TestSimulator;
const saved = { ...process.env };
const t = translatorFor("en", "sendLimits");

beforeAll(async () => {
  process.env.SEND_LIMIT_PER_MEMBER_PER_MINUTE = String(PER_MINUTE);
  process.env.SEND_LIMIT_PER_WORKSPACE_PER_DAY = String(PER_DAY);
  await closeRateLimiters(); // the limiters read their rules when created
  useTestMasterKey();
  sim = await startTestSimulator();
  process.env.YAZSANA_API_URL = sim.url;
});
beforeEach(async () => {
  await sim.admin("POST", "/__sim/reset");
});
afterAll(async () => {
  process.env = saved;
  await closeYazsanaDispatcher();
  await sim.close();
});

const single = () => ({ recipient: "0555 123 45 67", message: "Kargonuz yola çıktı", serviceId: FIXTURE.services.standard, idempotencyKey: randomUUID() });
const numbers = (count: number) => phoneNumbers(count).map((number) => `0${number.slice(2)}`).join("\n");

/** Sendings the simulator holds for the demo key (the reset leaves its seeded ones). */
async function sendingsInSimulator(): Promise<number> {
  const result = await sim.call<{ data: { total: number } }>("/sms-sendings", { query: { limit: 1 } });
  return result.json.data.total;
}
let seeded = 0;
beforeEach(async () => {
  seeded = await sendingsInSimulator();
});
const sentByTest = async () => (await sendingsInSimulator()) - seeded;

async function draft(context: WorkspaceContext, recipients: number) {
  const result = await createCampaignDraft(context, collectFromText(numbers(recipients)), { message: "Kampanya", serviceId: FIXTURE.services.standard });
  if (result.kind !== "draft") throw new Error(`no draft: ${JSON.stringify(result)}`);
  return result.review.campaignId;
}

const perMinuteRefusal = t("perMemberPerMinute", { limit: PER_MINUTE, when: "in 1 minute" });
const perDayRefusal = t("perWorkspacePerDay", { limit: PER_DAY, when: "in 24 hours" });

describe("send limits", () => {
  it("refuses a member's send past the per-minute limit with the retry time, and nothing reaches Yazsana", async () => {
    const workspace = await sendingWorkspace(sim.demoKey, ["owner", "sender"]);
    const sender = await workspace.useContext("sender", null);
    for (let send = 0; send < PER_MINUTE; send++) expect(await sendOneSms(sender, single())).toMatchObject({ kind: "outcome", state: "accepted" });

    const refused = single();
    expect(await sendOneSms(await workspace.useContext("sender", null), refused)).toEqual({ kind: "refused", message: perMinuteRefusal });
    expect(perMinuteRefusal).toContain("Try again in 1 minute");
    expect(await sentByTest()).toBe(PER_MINUTE);
    expect(await db.sendRecord.count({ where: { workspaceId: workspace.workspaceId } })).toBe(PER_MINUTE);
    expect(await db.sendRecord.findFirst({ where: { idempotencyKey: refused.idempotencyKey } })).toBeNull();

    // Per member: another member of the workspace still sends.
    expect(await sendOneSms(await workspace.useContext("owner", null), single())).toMatchObject({ kind: "outcome", state: "accepted" });
  });

  it("counts every message of a workspace a day, single and bulk; a campaign past it stays a draft", async () => {
    const workspace = await sendingWorkspace(sim.demoKey, ["owner", "admin", "sender"]);
    const owner = await workspace.useContext("owner", null);
    const first = await draft(owner, 4);
    expect(await confirmCampaign(owner, { campaignId: first, sendAt: null })).toMatchObject({ ok: true }); // 4 of 6
    expect(await sendOneSms(await workspace.useContext("sender", null), single())).toMatchObject({ kind: "outcome", state: "accepted" }); // 5
    expect(await sendOneSms(await workspace.useContext("admin", null), single())).toMatchObject({ kind: "outcome", state: "accepted" }); // 6

    expect(await sendOneSms(await workspace.useContext("sender", null), single())).toEqual({ kind: "refused", message: perDayRefusal });
    const second = await draft(await workspace.useContext("owner", null), 2);
    expect(await confirmCampaign(await workspace.useContext("owner", null), { campaignId: second, sendAt: new Date(Date.now() + 3_600_000) })).toEqual({
      ok: false,
      message: perDayRefusal,
    });
    expect(await db.campaign.findUniqueOrThrow({ where: { id: second }, select: { state: true } })).toEqual({ state: "draft" });
    const jobs = await db.$queryRaw<Array<{ count: bigint }>>`SELECT count(*) FROM graphile_worker.jobs WHERE key = ${`campaign-start:${second}`}`;
    expect(jobs).toEqual([{ count: 0n }]);
    expect(await sentByTest()).toBe(2); // the two singles; no worker runs the first campaign here
  });

  it("refuses a campaign larger than a whole day's allowance at once, without counting it", async () => {
    const workspace = await sendingWorkspace(sim.demoKey, ["owner"]);
    const owner = await workspace.useContext("owner", null);
    const campaignId = await draft(owner, PER_DAY + 1);
    expect(await confirmCampaign(owner, { campaignId, sendAt: null })).toEqual({ ok: false, message: t("overDailyLimit", { count: PER_DAY + 1, limit: PER_DAY }) });
    // Nothing was counted: the member's and workspace's allowances are intact.
    expect(await confirmCampaign(await workspace.useContext("owner", null), { campaignId: await draft(owner, PER_DAY), sendAt: null })).toMatchObject({ ok: true });
  });

  it("holds across separate limiter instances and processes on one database", { timeout: 60_000 }, async () => {
    const workspace = await sendingWorkspace(sim.demoKey, ["sender", "admin"]);
    const sender = workspace.member("sender");
    // Another process (its own pool and limiters) uses up the member's minute…
    const other = await runScript("tests/support/consume-send-limits.ts", {}, [workspace.workspaceId, sender.user.id, String(PER_MINUTE + 1)]);
    expect(other.code).toBe(0);
    expect(JSON.parse(other.stdout.trim().split("\n").at(-1)!)).toEqual([null, null, perMinuteRefusal]);
    // …and this one refuses, before anything reaches Yazsana.
    expect(await sendOneSms(await workspace.useContext("sender", null), single())).toEqual({ kind: "refused", message: perMinuteRefusal });
    // A fresh limiter instance in this process reads the same rows.
    await closeRateLimiters();
    expect(await sendOneSms(await workspace.useContext("sender", null), single())).toEqual({ kind: "refused", message: perMinuteRefusal });
    expect(await sentByTest()).toBe(0);
    // The workspace's messages were counted there too: 2 of 6 used, so 4 remain for others.
    for (let send = 0; send < PER_MINUTE; send++) expect(await sendOneSms(await workspace.useContext("admin", null), single())).toMatchObject({ kind: "outcome" });
    expect(await sentByTest()).toBe(PER_MINUTE);
  });
});
