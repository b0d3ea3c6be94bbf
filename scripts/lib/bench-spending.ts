import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { collectFromText } from "@/lib/sending/collect-recipients";
import { createCampaignDraft } from "@/lib/sending/create-campaign-draft";
import { confirmCampaign } from "@/lib/sending/manage-campaign";
import { sendOneSms } from "@/lib/sending/send-one-sms";
import { PERSONAL_KEY } from "@/lib/spending/context-key";
import { saveApprovalRule } from "@/lib/spending/save-spend-settings";
import { saveSpendLimits } from "@/lib/spending/save-spend-limits";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { FIXTURE, phoneNumbers } from "@/sim/testing";
import { BenchFailure } from "./bench-load";

/** What the spend pages must show once arranged: a second member's limits, usage and a campaign awaiting approval. */
export type SpendingFixture = { senderEmail: string; awaitingCampaignId: string };

async function ownerContext(ownerEmail: string): Promise<WorkspaceContext> {
  const user = await db.user.findUniqueOrThrow({ where: { email: ownerEmail }, select: { id: true, email: true, name: true, currentWorkspaceId: true, locale: true, timeZone: true } });
  const membership = await db.membership.findFirstOrThrow({ where: { userId: user.id }, select: { role: true, workspace: { select: { id: true, name: true } } } });
  return { user, workspace: membership.workspace, role: membership.role };
}

/**
 * Data for the spend pages, through the same lib code their forms and the
 * sending pages run: a sender in the owner's workspace with a budget and a cap
 * of their own (/settings/spending), one single SMS of theirs this month
 * (/reports/spending), and a 3-recipient campaign of theirs awaiting the
 * owner's approval (/send/approvals). The approval rule is switched off again
 * afterwards, so the run's own campaign later is not held for approval.
 */
export async function arrangeSpending(ownerEmail: string): Promise<SpendingFixture> {
  const owner = await ownerContext(ownerEmail);
  const workspaceId = owner.workspace.id;
  const senderEmail = `bench-sender-${randomUUID().slice(0, 8)}@example.com`;
  const created = await db.user.create({ data: { email: senderEmail, name: "Bench Sender", passwordHash: "x", currentWorkspaceId: workspaceId } });
  await db.membership.create({ data: { userId: created.id, workspaceId, role: "sender" } });
  const sender: WorkspaceContext = {
    user: { id: created.id, email: senderEmail, name: created.name, currentWorkspaceId: workspaceId, locale: null, timeZone: null },
    workspace: owner.workspace,
    role: "sender",
  };
  const expectOk = (what: string, result: { ok: boolean }) => {
    if (!result.ok) throw new BenchFailure(`${what} failed while arranging the spend pages: ${JSON.stringify(result).slice(0, 300)}`);
  };
  expectOk("Saving the sender's limits", await saveSpendLimits(owner, { subject: sender.user.id, contextKey: PERSONAL_KEY, monthlyBudget: "5", dailyCap: "100" }));
  const sent = await sendOneSms(sender, { recipient: "0555 123 45 67", message: "Bench spend single", serviceId: FIXTURE.services.standard, idempotencyKey: randomUUID() });
  if (sent.kind !== "outcome" || sent.state !== "accepted") throw new BenchFailure(`The sender's single SMS was not accepted: ${JSON.stringify(sent).slice(0, 300)}`);

  expectOk("Saving the approval rule", await saveApprovalRule(owner, { aboveRecipients: "2", aboveCost: "" }));
  const draft = await createCampaignDraft(sender, collectFromText(phoneNumbers(3, 3_000_000).join("\n")), { message: "Bench approval campaign", serviceId: FIXTURE.services.standard });
  if (draft.kind !== "draft") throw new BenchFailure(`The campaign awaiting approval was not drafted: ${JSON.stringify(draft).slice(0, 300)}`);
  const confirmed = await confirmCampaign(sender, { campaignId: draft.review.campaignId, typedCount: String(draft.review.validCount), sendAt: null });
  if (!confirmed.ok) throw new BenchFailure(`The campaign awaiting approval was not confirmed: ${confirmed.message}`);
  const { state } = await db.campaign.findUniqueOrThrow({ where: { id: draft.review.campaignId }, select: { state: true } });
  if (state !== "awaiting_approval") throw new BenchFailure(`The sender's campaign is ${state}, not awaiting approval.`);
  expectOk("Switching the approval rule off", await saveApprovalRule(owner, { aboveRecipients: "", aboveCost: "" }));
  return { senderEmail, awaitingCampaignId: draft.review.campaignId };
}
