import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { formatUtc } from "@/lib/email/compose-mail";
import { formatMoney } from "@/lib/i18n/format-money";
import { translatorFor } from "@/lib/i18n/translator";
import { collectFromText } from "@/lib/sending/collect-recipients";
import { createCampaignDraft } from "@/lib/sending/create-campaign-draft";
import { confirmCampaign } from "@/lib/sending/manage-campaign";
import { listCampaigns } from "@/lib/sending/load-campaigns";
import { approveCampaign, rejectCampaign } from "@/lib/spending/decide-approval";
import { expireAllApprovals, expireApprovals } from "@/lib/spending/expire-approvals";
import { PERSONAL_KEY } from "@/lib/spending/context-key";
import { saveApprovalRule } from "@/lib/spending/save-spend-settings";
import { saveSpendLimits } from "@/lib/spending/save-spend-limits";
import { closeYazsanaDispatcher } from "@/lib/yazsana";
import { startMailSink, type MailSink } from "@/scripts/lib/mail-sink";
import { FIXTURE, phoneNumbers, startTestSimulator, type TestSimulator } from "@/sim/testing";
import { sendingWorkspace, useTestMasterKey } from "../support/sending-workspace";

/**
 * The approval emails of spend controls, through a real SMTP round trip (the
 * mail sink the other email tests use), in each reader's saved language.
 * Expected wording comes from the catalogs.
 */

const en = translatorFor("en", "spending");
const tr = translatorFor("tr", "spending");

let sim: TestSimulator;
let sink: MailSink;
const saved = { ...process.env };

beforeAll(async () => {
  useTestMasterKey();
  sim = await startTestSimulator({ maxBulkRecipients: 3 });
  sink = await startMailSink({ webPort: null });
  process.env.YAZSANA_API_URL = sim.url;
  process.env.YAZSANA_BULK_MAX = "3";
  process.env.SMTP_URL = sink.smtpUrl;
  process.env.NEXTAUTH_URL = "http://portal.test";
});
beforeEach(async () => {
  await sim.admin("POST", "/__sim/reset");
});
afterAll(async () => {
  process.env = saved;
  await closeYazsanaDispatcher();
  await sim.close();
  await sink.stop();
});

const mailTo = (email: string) => sink.messages().filter((mail) => mail.to.includes(email.toLowerCase()));
const numbers = (count: number, first = 0) => phoneNumbers(count, first).map((number) => `0${number.slice(2)}`).join("\n");

/** Owner (reads Turkish), admin (English) and the requesting sender; approval above 2 recipients. */
async function setup(senderLocale: "en" | "tr" = "en") {
  const workspace = await sendingWorkspace(sim.demoKey, ["owner", "admin", "sender"]);
  const owner = await workspace.useContext("owner", null);
  const admin = await workspace.useContext("admin", null);
  const sender = await workspace.useContext("sender", null);
  await db.user.update({ where: { id: owner.user.id }, data: { locale: "tr" } });
  await db.user.update({ where: { id: sender.user.id }, data: { locale: senderLocale } });
  expect(await saveApprovalRule(owner, { aboveRecipients: "2" })).toMatchObject({ ok: true });
  return { owner, admin, sender };
}

/** Mail to `email` once `count` messages arrived (an email a page read didn't wait for); fails after 10 s. */
async function mailsArriving(email: string, count: number) {
  const deadline = Date.now() + 10_000;
  while (mailTo(email).length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} mail(s) to ${email}, got ${mailTo(email).length}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return mailTo(email);
}

async function requestApproval(sender: Parameters<typeof createCampaignDraft>[0], first: number, message: string) {
  const review = await createCampaignDraft(sender, collectFromText(numbers(3, first)), { message, serviceId: FIXTURE.services.standard });
  if (review.kind !== "draft") throw new Error(JSON.stringify(review));
  expect(await confirmCampaign(sender, { campaignId: review.review.campaignId, sendAt: null })).toMatchObject({ ok: true });
  return review.review.campaignId;
}

describe("approval emails", () => {
  it("tells every owner and admin but the requester, each in their language, with a link to /send/approvals", async () => {
    const { owner, admin, sender } = await setup();
    await requestApproval(sender, 10, "Onay isteyen kampanya");
    const workspace = sender.workspace.name;

    const [toOwner] = mailTo(owner.user.email);
    expect(toOwner!.subject).toBe(tr("mail.requested.subject", { workspace }));
    expect(toOwner!.text).toContain(tr("mail.requested.body", { requester: sender.user.name, count: 3, cost: formatMoney("0.036", { locale: "tr", currency: "USD" }), workspace }));
    expect(toOwner!.links).toEqual(["http://portal.test/send/approvals"]);
    const [toAdmin] = mailTo(admin.user.email);
    expect(toAdmin!.subject).toBe(en("mail.requested.subject", { workspace }));
    expect(toAdmin!.text).toContain(en("mail.message", { message: "Onay isteyen kampanya" }));
    expect(mailTo(sender.user.email)).toEqual([]);
  });

  it("tells approvers, in their language, that a request exceeds the requester's limit and by how much", async () => {
    const { owner, admin, sender } = await setup();
    expect(await saveSpendLimits(owner, { subject: sender.user.id, contextKey: PERSONAL_KEY, dailyCap: "1", monthlyBudget: "0.030" })).toMatchObject({ ok: true });
    await requestApproval(sender, 80, "Sınırı aşan kampanya");
    const [toOwner] = mailTo(owner.user.email);
    expect(toOwner!.text).toContain(tr("overLimit.requesterCap", { over: 2 }));
    expect(toOwner!.text).toContain(tr("overLimit.requesterBudget", { over: formatMoney("0.006", { locale: "tr", currency: "USD" }) }));
    const [toAdmin] = mailTo(admin.user.email);
    expect(toAdmin!.text).toContain("Exceeds the requester's daily cap by 2 messages.");
    expect(toAdmin!.text).toContain(en("overLimit.requesterBudget", { over: formatMoney("0.006", { locale: "en", currency: "USD" }) }));
  });

  it("tells the requester the decision: approved, or rejected with the reason", async () => {
    const { admin, sender } = await setup();
    const approved = await requestApproval(sender, 20, "Onaylanacak");
    const rejected = await requestApproval(sender, 30, "Reddedilecek");
    expect(await approveCampaign(admin, approved)).toMatchObject({ ok: true });
    expect(await rejectCampaign(admin, rejected, "Not this week")).toMatchObject({ ok: true });
    const workspace = sender.workspace.name;

    const mails = mailTo(sender.user.email);
    expect(mails.map((mail) => mail.subject)).toEqual([en("mail.approved.subject", { workspace }), en("mail.rejected.subject", { workspace })]);
    expect(mails[0]!.text).toContain(en("mail.approved.body", { approver: admin.user.name, count: 3 }));
    expect(mails[0]!.links).toEqual([`http://portal.test/send/campaigns/${approved}`]);
    expect(mails[1]!.text).toContain(en("mail.rejected.body", { approver: admin.user.name, count: 3, reason: "Not this week" }));
  });

  it("emails the requester once when a request expires, in their language, however many readers sweep at once", async () => {
    const { owner, admin, sender } = await setup("tr");
    const campaignId = await requestApproval(sender, 40, "Süresi dolacak");
    const before = { owner: mailTo(owner.user.email).length, admin: mailTo(admin.user.email).length };

    // Seven days pass; the campaigns page, the approvals page and a decision all sweep at once.
    const expiredAt = new Date(Date.now() - 1000);
    await db.campaign.update({ where: { id: campaignId }, data: { approvalExpiresAt: expiredAt } });
    await Promise.all([listCampaigns(sender.workspace.id), expireApprovals(sender.workspace.id), approveCampaign(admin, campaignId)]);

    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { state: true } })).toEqual({ state: "expired" });
    expect(await db.auditEvent.count({ where: { target: campaignId, action: "campaign.approval_expired" } })).toBe(1);
    // Page reads don't wait for the email: it arrives just after.
    const mails = await mailsArriving(sender.user.email, 1);
    expect(mails[0]!.subject).toBe(tr("mail.expired.subject", { workspace: sender.workspace.name }));
    expect(mails[0]!.text).toContain(tr("mail.message", { message: "Süresi dolacak" }));
    expect(mails[0]!.text).toContain(tr("mail.expired.body", { count: 3, expiredAt: formatUtc(expiredAt, "tr"), cost: formatMoney("0.036", { locale: "tr", currency: "USD" }) }));
    expect(mails[0]!.links).toEqual([`http://portal.test/send/campaigns/${campaignId}`]);
    // Nobody else is emailed about it.
    expect({ owner: mailTo(owner.user.email).length, admin: mailTo(admin.user.email).length }).toEqual(before);
    // A later sweep finds nothing left to expire and sends nothing more.
    expect(await expireApprovals(sender.workspace.id, { awaitMail: true })).toBe(0);
    expect(mailTo(sender.user.email)).toHaveLength(1);
  });

  it("the worker's scheduled sweep expires due requests in every workspace, without anyone opening the portal", async () => {
    const first = await setup();
    const second = await setup();
    const due = [await requestApproval(first.sender, 50, "Birinci"), await requestApproval(second.sender, 60, "İkinci")];
    const notDue = await requestApproval(second.sender, 70, "Bekleyen");
    await db.campaign.updateMany({ where: { id: { in: due } }, data: { approvalExpiresAt: new Date(Date.now() - 1000) } });

    expect(await expireAllApprovals()).toBe(2);
    const states = await db.campaign.findMany({ where: { id: { in: [...due, notDue] } }, select: { id: true, state: true } });
    expect(Object.fromEntries(states.map((campaign) => [campaign.id, campaign.state]))).toEqual({ [due[0]!]: "expired", [due[1]!]: "expired", [notDue]: "awaiting_approval" });
    for (const { sender } of [first, second]) {
      expect(mailTo(sender.user.email).map((mail) => mail.subject)).toEqual([en("mail.expired.subject", { workspace: sender.workspace.name })]);
    }
  });
});
