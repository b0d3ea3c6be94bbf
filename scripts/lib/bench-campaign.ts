import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db/client";
import { collectFromText } from "@/lib/sending/collect-recipients";
import { createCampaignDraft } from "@/lib/sending/create-campaign-draft";
import { confirmCampaign } from "@/lib/sending/manage-campaign";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { FIXTURE, phoneNumbers } from "@/sim/testing";
import { BenchFailure } from "./bench-load";

export type CampaignThroughput = { recipients: number; chunks: number; ms: number; recipientsPerSecond: number };

/**
 * A campaign of `size` recipients, reviewed and confirmed through the same lib
 * code as the bulk pages, then sent by the run's campaign worker: the time from
 * confirming until every chunk is accepted by the simulator.
 */
export async function measureCampaign(ownerEmail: string, size: number, signal: AbortSignal): Promise<CampaignThroughput> {
  const user = await db.user.findUniqueOrThrow({ where: { email: ownerEmail }, select: { id: true, email: true, name: true, currentWorkspaceId: true, locale: true, timeZone: true } });
  const membership = await db.membership.findFirstOrThrow({ where: { userId: user.id }, select: { role: true, workspace: { select: { id: true, name: true } } } });
  const context: WorkspaceContext = { user, workspace: membership.workspace, role: membership.role };
  const list = collectFromText(phoneNumbers(size, 2_000_000).join("\n"));
  const draft = await createCampaignDraft(context, list, { message: "Bench campaign", serviceId: FIXTURE.services.standard });
  if (draft.kind !== "draft") throw new BenchFailure(`The 100k campaign was not drafted: ${JSON.stringify(draft).slice(0, 300)}`);
  const started = performance.now();
  const confirmed = await confirmCampaign(context, { campaignId: draft.review.campaignId, typedCount: String(draft.review.validCount), sendAt: null });
  if (!confirmed.ok) throw new BenchFailure(`The campaign was not confirmed: ${confirmed.message}`);
  for (;;) {
    signal.throwIfAborted();
    const { state, stopReason } = await db.campaign.findUniqueOrThrow({ where: { id: draft.review.campaignId }, select: { state: true, stopReason: true } });
    if (state === "completed") break;
    if (state !== "running") throw new BenchFailure(`The campaign ended ${state}${stopReason ? ` (${stopReason})` : ""}.`);
    await sleep(100);
  }
  const ms = performance.now() - started;
  return { recipients: draft.review.validCount, chunks: draft.review.chunkCount, ms: Math.round(ms), recipientsPerSecond: Math.round(draft.review.validCount / (ms / 1000)) };
}
