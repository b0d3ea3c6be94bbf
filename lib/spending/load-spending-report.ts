import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { contextKeyOf, DEFAULT_SUBJECT, organizationIdOf } from "./context-key";
import { COUNTED_AT, COUNTED_SEND } from "./counted-sends";
import { loadSpendSettings } from "./load-spend-policy";
import { budgetUsedPercent } from "./spend-math";
import { monthBounds, monthIn, spendPeriods } from "./spend-periods";
import type { SpendingReportFilters } from "./spending-report-filters";

export type SpendingReportRow = {
  userId: string;
  name: string;
  email: string;
  contextKey: string;
  messages: number;
  cost: string;
  currency: string | null;
  monthlyBudget: string | null;
  budgetUsedPercent: number | null;
  dailyCap: number | null;
  capLeftToday: number | null;
};

type UsageRow = { user_id: string; organization_id: string | null; messages: number; cost: string; currency: string | null };

/**
 * Per member and context, for one month of the workspace's calendar: what
 * counts against budgets (the same rule as enforcement: counted-sends.ts),
 * the budget and how much of it is used, and what is left of today's cap.
 * A member with a budget of their own in a context gets a row there even
 * without sends.
 */
export async function loadSpendingReport(workspaceId: string, filters: SpendingReportFilters, now: Date = new Date()) {
  const { timeZone } = await loadSpendSettings(workspaceId);
  const { start, end } = monthBounds(filters.month, timeZone);
  const today = spendPeriods(now, timeZone);
  const contextFilter =
    filters.context === "all" ? Prisma.empty : Prisma.sql`AND s.organization_id IS NOT DISTINCT FROM ${organizationIdOf(filters.context)}::text`;
  const [usage, todayRows, memberships, budgets, caps] = await Promise.all([
    db.$queryRaw<UsageRow[]>`
      SELECT s.user_id::text AS user_id, s.organization_id, SUM(s.recipient_count)::int AS messages, SUM(s.cost_estimate)::text AS cost, MAX(s.currency) AS currency
      FROM sends s LEFT JOIN campaigns c ON c.id = s.campaign_id
      WHERE s.workspace_id = ${workspaceId}::uuid AND s.user_id IS NOT NULL AND ${COUNTED_SEND}
        AND ${COUNTED_AT} >= ${start} AND ${COUNTED_AT} < ${end} ${contextFilter}
      GROUP BY s.user_id, s.organization_id`,
    db.$queryRaw<Array<{ user_id: string; messages: number }>>`
      SELECT s.user_id::text AS user_id, SUM(s.recipient_count)::int AS messages
      FROM sends s LEFT JOIN campaigns c ON c.id = s.campaign_id
      WHERE s.workspace_id = ${workspaceId}::uuid AND s.user_id IS NOT NULL AND ${COUNTED_SEND}
        AND ${COUNTED_AT} >= ${today.dayStart} AND ${COUNTED_AT} < ${today.dayEnd}
      GROUP BY s.user_id`,
    db.membership.findMany({ where: { workspaceId }, select: { user: { select: { id: true, name: true, email: true } } } }),
    db.spendBudget.findMany({ where: { workspaceId } }),
    db.spendCap.findMany({ where: { workspaceId } }),
  ]);

  const users = new Map(memberships.map(({ user }) => [user.id, user]));
  const budgetFor = (userId: string, contextKey: string) => {
    const row = budgets.find((budget) => budget.subject === userId && budget.contextKey === contextKey) ?? budgets.find((budget) => budget.subject === DEFAULT_SUBJECT && budget.contextKey === contextKey);
    return row?.monthlyBudget?.toFixed(6) ?? null;
  };
  const capFor = (userId: string) => {
    const row = caps.find((cap) => cap.subject === userId) ?? caps.find((cap) => cap.subject === DEFAULT_SUBJECT);
    return row?.dailyCap ?? null;
  };
  const keyed = new Map<string, { userId: string; contextKey: string; messages: number; cost: string; currency: string | null }>();
  for (const row of usage) {
    const contextKey = contextKeyOf(row.organization_id);
    keyed.set(`${row.user_id}|${contextKey}`, { userId: row.user_id, contextKey, messages: row.messages, cost: row.cost, currency: row.currency });
  }
  for (const budget of budgets) {
    if (budget.subject === DEFAULT_SUBJECT || !users.has(budget.subject) || budget.monthlyBudget === null) continue;
    if (filters.context !== "all" && budget.contextKey !== filters.context) continue;
    const key = `${budget.subject}|${budget.contextKey}`;
    if (!keyed.has(key)) keyed.set(key, { userId: budget.subject, contextKey: budget.contextKey, messages: 0, cost: "0", currency: null });
  }

  const rows: SpendingReportRow[] = [...keyed.values()].map((entry) => {
    const user = users.get(entry.userId);
    const monthlyBudget = budgetFor(entry.userId, entry.contextKey);
    const dailyCap = capFor(entry.userId);
    const sentToday = todayRows.find((row) => row.user_id === entry.userId)?.messages ?? 0;
    return {
      userId: entry.userId,
      name: user?.name ?? "—",
      email: user?.email ?? "—",
      contextKey: entry.contextKey,
      messages: entry.messages,
      cost: entry.cost,
      currency: entry.currency,
      monthlyBudget,
      budgetUsedPercent: budgetUsedPercent(entry.cost, monthlyBudget),
      dailyCap,
      // Today's cap only means something when the chosen month is the current one; it is still today's.
      capLeftToday: dailyCap === null ? null : Math.max(0, dailyCap - sentToday),
    };
  });
  rows.sort((a, b) => a.email.localeCompare(b.email) || a.contextKey.localeCompare(b.contextKey));
  return { timeZone, currentMonth: monthIn(timeZone, now), rows };
}
