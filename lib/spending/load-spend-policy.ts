import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DEFAULT_SUBJECT, contextKeyOf } from "./context-key";
import type { ApprovalRule, SpendLimits } from "./spend-math";

export const DEFAULT_TIME_ZONE = "Europe/Istanbul";

type PolicyReader = Prisma.TransactionClient | typeof db;

export type WorkspaceSpendSettings = { timeZone: string; rule: ApprovalRule };

export async function loadSpendSettings(workspaceId: string, client: PolicyReader = db): Promise<WorkspaceSpendSettings> {
  const settings = await client.spendSettings.findUnique({ where: { workspaceId } });
  return {
    timeZone: settings?.timeZone ?? DEFAULT_TIME_ZONE,
    rule: { aboveRecipients: settings?.approvalAboveRecipients ?? null, aboveCost: settings?.approvalAboveCost?.toFixed(6) ?? null },
  };
}

/**
 * A member's effective limits in one context: their own row when an owner
 * saved one (even "no limit"), otherwise the workspace's defaults.
 */
export async function loadSpendLimits(workspaceId: string, userId: string, organizationId: string | null, client: PolicyReader = db): Promise<SpendLimits> {
  const subjects = [userId, DEFAULT_SUBJECT];
  const [budgets, caps] = await Promise.all([
    client.spendBudget.findMany({ where: { workspaceId, subject: { in: subjects }, contextKey: contextKeyOf(organizationId) } }),
    client.spendCap.findMany({ where: { workspaceId, subject: { in: subjects } } }),
  ]);
  const budget = budgets.find((row) => row.subject === userId) ?? budgets.find((row) => row.subject === DEFAULT_SUBJECT);
  const cap = caps.find((row) => row.subject === userId) ?? caps.find((row) => row.subject === DEFAULT_SUBJECT);
  return { monthlyBudget: budget?.monthlyBudget?.toFixed(6) ?? null, dailyCap: cap?.dailyCap ?? null };
}
