import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { loadSpendLimits, loadSpendSettings } from "./load-spend-policy";
import { readSpendUsage } from "./read-spend-usage";
import { checkSpend, needsApproval, type SpendCheck } from "./spend-math";
import { spendPeriods, type SpendPeriods } from "./spend-periods";

export type SpendRequest = { workspaceId: string; userId: string; organizationId: string | null; cost: string; messages: number };
export type SpendDecision = SpendCheck & { periods: SpendPeriods; timeZone: string };
export type SpendRefusal = Extract<SpendDecision, { ok: false }>;

/**
 * The check half of "check and reserve" as one atomic step: the member's
 * membership row is locked (FOR NO KEY UPDATE) for the rest of the caller's
 * transaction, so a concurrent send of the same member (another tab, another
 * app instance) waits here until this transaction has written its record (the
 * reservation) or given up, and then counts it. Must run inside the
 * transaction that writes the reservation.
 */
export async function checkSpendLocked(tx: Prisma.TransactionClient, request: SpendRequest, now: Date = new Date()): Promise<SpendDecision> {
  await lockMember(tx, request.workspaceId, request.userId);
  const { timeZone } = await loadSpendSettings(request.workspaceId, tx);
  const periods = spendPeriods(now, timeZone);
  const [limits, usage] = await Promise.all([
    loadSpendLimits(request.workspaceId, request.userId, request.organizationId, tx),
    readSpendUsage({ ...request, periods }, tx),
  ]);
  return { ...checkSpend(limits, usage, request), periods, timeZone };
}

export type CampaignSpendDecision = { kind: "approval" } | { kind: "reserve" } | { kind: "refused"; decision: SpendRefusal };

/**
 * A campaign at confirm must fit the member's budget and cap either way; over
 * the workspace's approval rule it then waits for an approver, holding its
 * reservation from the request on (an approval decides whether it goes, it
 * never lifts a member's limits).
 */
export async function decideCampaignSpend(tx: Prisma.TransactionClient, request: SpendRequest): Promise<CampaignSpendDecision> {
  const decision = await checkSpendLocked(tx, request);
  if (!decision.ok) return { kind: "refused", decision };
  const { rule } = await loadSpendSettings(request.workspaceId, tx);
  return needsApproval(rule, { recipients: request.messages, cost: request.cost }) ? { kind: "approval" } : { kind: "reserve" };
}

/**
 * Takes the member's spend lock for the rest of the transaction; callers that
 * must read what they are about to reserve (a resume's failed chunks) take it
 * before that read, so a concurrent writer can't change it in between.
 */
export async function lockMember(tx: Prisma.TransactionClient, workspaceId: string, userId: string) {
  await tx.$queryRaw`SELECT id::text AS id FROM memberships WHERE workspace_id = ${workspaceId}::uuid AND user_id = ${userId}::uuid FOR NO KEY UPDATE`;
}
