import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { expireApprovals } from "@/lib/spending/expire-approvals";
import type { InvalidLine } from "./collect-recipients";

export type CampaignChunkView = {
  index: number;
  state: "queued" | "pending" | "accepted" | "failed" | "unknown";
  recipients: number;
  sendingId: string | null;
  error: string | null;
};

/** What PostgreSQL's uuid type accepts: anything else (say 36 dashes) would make the query itself fail. */
const campaignIdSchema = z.guid();

/** One campaign of the workspace with its chunks' progress (never the numbers themselves); null if foreign. */
export async function loadCampaign(workspaceId: string, campaignId: string) {
  if (!campaignIdSchema.safeParse(campaignId).success) return null;
  await expireApprovals(workspaceId);
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, workspaceId },
    include: {
      user: { select: { name: true } },
      chunks: {
        orderBy: { chunkIndex: "asc" },
        select: { chunkIndex: true, state: true, recipientCount: true, sendingId: true, errorMessage: true },
      },
    },
  });
  if (!campaign) return null;
  const chunks: CampaignChunkView[] = campaign.chunks.map((chunk) => ({
    index: chunk.chunkIndex ?? 0,
    state: chunk.state,
    recipients: chunk.recipientCount,
    sendingId: chunk.sendingId,
    error: chunk.errorMessage,
  }));
  const done = chunks.filter((chunk) => chunk.state === "accepted" || chunk.state === "failed" || chunk.state === "unknown");
  const accepted = chunks.filter((chunk) => chunk.state === "accepted");
  return {
    campaign,
    chunks,
    progress: {
      chunksDone: done.length,
      chunksTotal: chunks.length,
      recipientsAccepted: accepted.reduce((sum, chunk) => sum + chunk.recipients, 0),
      sendingsCreated: accepted.length,
      unknownChunks: chunks.filter((chunk) => chunk.state === "unknown").length,
      failedChunks: chunks.filter((chunk) => chunk.state === "failed").length,
    },
  };
}

/** The workspace's campaigns, scheduled and running first, newest first; drafts left out. */
export async function listCampaigns(workspaceId: string) {
  await expireApprovals(workspaceId);
  const campaigns = await db.campaign.findMany({
    where: { workspaceId, state: { not: "draft" } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      state: true,
      message: true,
      recipientCount: true,
      chunkCount: true,
      scheduledAt: true,
      createdAt: true,
      currency: true,
      costEstimate: true,
      user: { select: { name: true } },
      _count: { select: { chunks: { where: { state: "accepted" } } } },
    },
  });
  const active = (state: string) => (state === "running" || state === "scheduled" || state === "stopped" || state === "awaiting_approval" ? 0 : 1);
  return campaigns.sort((a, b) => active(a.state) - active(b.state));
}

/** The review's invalid lines of a campaign of this workspace; null when foreign or unknown. */
export async function loadInvalidLines(workspaceId: string, campaignId: string): Promise<InvalidLine[] | null> {
  if (!campaignIdSchema.safeParse(campaignId).success) return null;
  const campaign = await db.campaign.findFirst({ where: { id: campaignId, workspaceId }, select: { invalidLines: true } });
  return campaign ? (campaign.invalidLines as InvalidLine[]) : null;
}
