import "server-only";
import { db } from "@/lib/db/client";
import { roleCan, type Role } from "@/lib/workspaces/roles";
import { DEFAULT_SUBJECT } from "./context-key";

export type MemberLimitsRow = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** Effective values (own row, else the defaults); null = no limit. */
  monthlyBudget: string | null;
  dailyCap: number | null;
  usesDefaults: boolean;
};

/** Every member who can send, with their limits in one context, and the defaults. */
export async function listMemberLimits(workspaceId: string, contextKey: string) {
  const [memberships, budgets, caps] = await Promise.all([
    db.membership.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" }, select: { role: true, user: { select: { id: true, email: true, name: true } } } }),
    db.spendBudget.findMany({ where: { workspaceId, contextKey } }),
    db.spendCap.findMany({ where: { workspaceId } }),
  ]);
  const budgetOf = (subject: string) => budgets.find((row) => row.subject === subject);
  const capOf = (subject: string) => caps.find((row) => row.subject === subject);
  const defaults = { monthlyBudget: budgetOf(DEFAULT_SUBJECT)?.monthlyBudget?.toFixed(6) ?? null, dailyCap: capOf(DEFAULT_SUBJECT)?.dailyCap ?? null };
  const members: MemberLimitsRow[] = memberships
    .filter((membership) => roleCan(membership.role, "sms.send"))
    .map(({ role, user }) => {
      const budget = budgetOf(user.id);
      const cap = capOf(user.id);
      return {
        userId: user.id,
        email: user.email,
        name: user.name,
        role,
        monthlyBudget: budget ? (budget.monthlyBudget?.toFixed(6) ?? null) : defaults.monthlyBudget,
        dailyCap: cap ? cap.dailyCap : defaults.dailyCap,
        usesDefaults: !budget && !cap,
      };
    });
  return { defaults, members };
}
