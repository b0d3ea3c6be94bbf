import Decimal from "decimal.js";

/** A member's limits in one context; null = no limit. Money as decimal strings. */
export type SpendLimits = { monthlyBudget: string | null; dailyCap: number | null };
/** What already counts against them: this month's cost in the context, today's messages in every context. */
export type SpendUsage = { monthCost: string; dayMessages: number };
/** What is left; null = no limit. Never negative. */
export type SpendAllowance = { budgetLeft: string | null; capLeft: number | null };

/** What the send pages show next to the cost estimate. Dates as ISO strings (they reach client components). */
export type SpendStatus = {
  limits: SpendLimits;
  allowance: SpendAllowance;
  timeZone: string;
  dayResetsAt: string;
  monthResetsAt: string;
};

export type SpendCheck =
  | { ok: true; allowance: SpendAllowance }
  | { ok: false; reason: "cap"; capLeft: number; dailyCap: number }
  | { ok: false; reason: "budget"; budgetLeft: string; monthlyBudget: string };

const PLACES = 6;

export function spendAllowance(limits: SpendLimits, usage: SpendUsage): SpendAllowance {
  return {
    budgetLeft: limits.monthlyBudget === null ? null : Decimal.max(0, new Decimal(limits.monthlyBudget).minus(usage.monthCost)).toFixed(PLACES),
    capLeft: limits.dailyCap === null ? null : Math.max(0, limits.dailyCap - usage.dayMessages),
  };
}

/**
 * Whether a send of `messages` messages costing `cost` fits what is left,
 * decimal-exact: spending the budget to the last kuruş is allowed, a
 * millionth over it is not. The cap is checked first (it resets sooner).
 */
export function checkSpend(limits: SpendLimits, usage: SpendUsage, request: { cost: string; messages: number }): SpendCheck {
  const allowance = spendAllowance(limits, usage);
  if (limits.dailyCap !== null && allowance.capLeft !== null && request.messages > allowance.capLeft) {
    return { ok: false, reason: "cap", capLeft: allowance.capLeft, dailyCap: limits.dailyCap };
  }
  if (limits.monthlyBudget !== null && allowance.budgetLeft !== null && new Decimal(request.cost).greaterThan(allowance.budgetLeft)) {
    return { ok: false, reason: "budget", budgetLeft: allowance.budgetLeft, monthlyBudget: new Decimal(limits.monthlyBudget).toFixed(PLACES) };
  }
  return { ok: true, allowance };
}

/** How far a send goes beyond each limit; null = within it (or no limit). */
export type SpendExcess = { overCapBy: number | null; overBudgetBy: string | null };

/**
 * Both excesses at once, decimal-exact (an approver sees every limit a
 * campaign goes beyond, not just the first one checkSpend stops at).
 */
export function spendExcess(limits: SpendLimits, usage: SpendUsage, request: { cost: string; messages: number }): SpendExcess {
  const allowance = spendAllowance(limits, usage);
  const overCap = allowance.capLeft === null ? 0 : request.messages - allowance.capLeft;
  const overBudget = allowance.budgetLeft === null ? new Decimal(0) : new Decimal(request.cost).minus(allowance.budgetLeft);
  return { overCapBy: overCap > 0 ? overCap : null, overBudgetBy: overBudget.greaterThan(0) ? overBudget.toFixed(PLACES) : null };
}

/** The workspace's approval rule; null parts are off. */
export type ApprovalRule = { aboveRecipients: number | null; aboveCost: string | null };

/** A campaign above either threshold (strictly) needs a second person's approval. */
export function needsApproval(rule: ApprovalRule, campaign: { recipients: number; cost: string }): boolean {
  if (rule.aboveRecipients !== null && campaign.recipients > rule.aboveRecipients) return true;
  return rule.aboveCost !== null && new Decimal(campaign.cost).greaterThan(rule.aboveCost);
}

/** Share of a budget used, 0–100 (for the report's bar); null without a budget. */
export function budgetUsedPercent(used: string, budget: string | null): number | null {
  if (budget === null) return null;
  const limit = new Decimal(budget);
  if (limit.isZero()) return new Decimal(used).isZero() ? 0 : 100;
  return Decimal.min(100, new Decimal(used).div(limit).times(100)).toDecimalPlaces(0, Decimal.ROUND_DOWN).toNumber();
}
