import "server-only";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { describeAllowance, describeApprovalNotice, describeExcess } from "./describe-allowance";
import { describeSpendRefusal } from "./describe-spend-refusal";
import { loadSpendLimits, loadSpendSettings } from "./load-spend-policy";
import { readSpendUsage } from "./read-spend-usage";
import { checkSpend, needsApproval, spendAllowance, spendExcess, type SpendStatus } from "./spend-math";
import { spendPeriods } from "./spend-periods";

export type { SpendStatus };

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

/**
 * `notes`: finished sentences for the review (what is left, and the approval
 * notice when it applies). `overLimit`: when the campaign needs approval and
 * goes beyond the member's cap or budget, how far (empty otherwise); the
 * review shows them as a warning.
 */
export type CampaignSpendPreview = { approvalRequired: boolean; status: SpendStatus; notes: string[]; overLimit: string[] };

/**
 * The bulk review's check: a campaign under the approval rule that would go
 * past the member's limits is refused here already; one over the rule may go
 * past them, since an approver decides (confirm repeats every check
 * atomically; this one only spares a useless review).
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
  const overLimit = check.ok ? [] : await describeExcess(spendExcess(limits, usage, request), request.currency);
  const notes = [...(await describeAllowance(status, request.currency)), ...(approvalRequired ? [await describeApprovalNotice(overLimit.length > 0)] : [])];
  return { kind: "ok", preview: { approvalRequired, status, notes, overLimit } };
}

/** The send page's lines for the member in their current context. */
export async function allowanceNotes(context: WorkspaceContext, organizationId: string | null, currency: string | null): Promise<string[]> {
  return describeAllowance(await loadSpendStatus({ workspaceId: context.workspace.id, userId: context.user.id, organizationId }), currency);
}
