import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { loadSpendLimits, loadSpendSettings } from "./load-spend-policy";
import { readSpendUsage } from "./read-spend-usage";
import { checkSpend, needsApproval, spendExcess, type SpendCheck, type SpendExcess } from "./spend-math";
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
  const { limits, usage, periods, timeZone } = await readSpendLocked(tx, request, now);
  return { ...checkSpend(limits, usage, request), periods, timeZone };
}

async function readSpendLocked(tx: Prisma.TransactionClient, request: SpendRequest, now: Date) {
  await lockMember(tx, request.workspaceId, request.userId);
  const { timeZone, rule } = await loadSpendSettings(request.workspaceId, tx);
  const periods = spendPeriods(now, timeZone);
  const [limits, usage] = await Promise.all([
    loadSpendLimits(request.workspaceId, request.userId, request.organizationId, tx),
    readSpendUsage({ ...request, periods }, tx),
  ]);
  return { limits, usage, periods, timeZone, rule };
}

export type CampaignSpendDecision = { kind: "approval"; excess: SpendExcess } | { kind: "reserve" } | { kind: "refused"; decision: SpendRefusal };

/**
 * A campaign at confirm: under the workspace's approval rule it must fit the
 * member's budget and cap; over the rule it waits for an approver even when
 * it goes beyond them (four eyes is the escape hatch for a limit), with how
 * far beyond recorded for the approver. Either way it holds its reservation
 * from here on, under the member's lock.
 */
export async function decideCampaignSpend(tx: Prisma.TransactionClient, request: SpendRequest, now: Date = new Date()): Promise<CampaignSpendDecision> {
  const { limits, usage, periods, timeZone, rule } = await readSpendLocked(tx, request, now);
  if (needsApproval(rule, { recipients: request.messages, cost: request.cost })) return { kind: "approval", excess: spendExcess(limits, usage, request) };
  const check = checkSpend(limits, usage, request);
  return check.ok ? { kind: "reserve" } : { kind: "refused", decision: { ...check, periods, timeZone } };
}

/**
 * Takes the member's spend lock for the rest of the transaction; callers that
 * must read what they are about to reserve (a resume's failed chunks) take it
 * before that read, so a concurrent writer can't change it in between.
 */
export async function lockMember(tx: Prisma.TransactionClient, workspaceId: string, userId: string) {
  await tx.$queryRaw`SELECT id::text AS id FROM memberships WHERE workspace_id = ${workspaceId}::uuid AND user_id = ${userId}::uuid FOR NO KEY UPDATE`;
}
