import "server-only";
import { describeSpendRefusal } from "./describe-spend-refusal";
import { loadSpendLimits, loadSpendSettings } from "./load-spend-policy";
import { readSpendUsage } from "./read-spend-usage";
import { checkSpend, needsApproval, spendAllowance, type SpendAllowance, type SpendLimits } from "./spend-math";
import { spendPeriods } from "./spend-periods";

/** What the send pages show next to the cost estimate. Dates as ISO strings (they reach client components). */
export type SpendStatus = {
  limits: SpendLimits;
  allowance: SpendAllowance;
  timeZone: string;
  dayResetsAt: string;
  monthResetsAt: string;
};

type Member = { workspaceId: string; userId: string; organizationId: string | null };

/** The member's limits and what is left of them now in their context (a read: nothing is reserved). */
export async function loadSpendStatus(member: Member, now: Date = new Date()): Promise<SpendStatus> {
  const { timeZone } = await loadSpendSettings(member.workspaceId);
  const periods = spendPeriods(now, timeZone);
  const [limits, usage] = await Promise.all([
    loadSpendLimits(member.workspaceId, member.userId, member.organizationId),
    readSpendUsage({ ...member, periods }),
  ]);
  return {
    limits,
    allowance: spendAllowance(limits, usage),
    timeZone,
    dayResetsAt: periods.dayEnd.toISOString(),
    monthResetsAt: periods.monthEnd.toISOString(),
  };
}

export type CampaignSpendPreview = { approvalRequired: boolean; status: SpendStatus };

/**
 * The bulk review's check: a campaign that would go past the member's limits
 * is refused here already, unless the approval rule sends it to an approver
 * (confirm repeats every check atomically; this one only spares a useless review).
 */
export async function previewCampaignSpend(
  request: Member & { cost: string; messages: number; currency: string },
): Promise<{ kind: "ok"; preview: CampaignSpendPreview } | { kind: "refused"; message: string }> {
  const now = new Date();
  const { timeZone, rule } = await loadSpendSettings(request.workspaceId);
  const periods = spendPeriods(now, timeZone);
  const [limits, usage] = await Promise.all([
    loadSpendLimits(request.workspaceId, request.userId, request.organizationId),
    readSpendUsage({ ...request, periods }),
  ]);
  const approvalRequired = needsApproval(rule, { recipients: request.messages, cost: request.cost });
  const check = checkSpend(limits, usage, request);
  if (!check.ok && !approvalRequired) return { kind: "refused", message: await describeSpendRefusal({ ...check, periods, timeZone }, request) };
  const status = { limits, allowance: spendAllowance(limits, usage), timeZone, dayResetsAt: periods.dayEnd.toISOString(), monthResetsAt: periods.monthEnd.toISOString() };
  return { kind: "ok", preview: { approvalRequired, status } };
}
