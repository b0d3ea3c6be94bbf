import "server-only";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { roleCan } from "@/lib/workspaces/roles";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { DEFAULT_SUBJECT } from "./context-key";
import { auditValue, parseAmount, parseCount } from "./parse-limits";

export type SaveResult = { ok: true; message: string } | { ok: false; message?: string; fieldErrors?: Record<string, string[]> };

/**
 * Saves one row of /settings/spending: a member's (or the defaults') monthly
 * budget in one context and daily cap. Each value that changed is audited
 * with its old and new value; saving an unchanged row writes nothing.
 */
export async function saveSpendLimits(
  context: WorkspaceContext,
  input: { subject: string; contextKey: string; monthlyBudget?: string; dailyCap?: string },
): Promise<SaveResult> {
  const t = await getServerTranslations("spending");
  if (!roleCan(context.role, "spending.manage")) return { ok: false, message: t("approvals.notAllowed") };
  const workspaceId = context.workspace.id;
  const budget = parseAmount(input.monthlyBudget);
  const cap = parseCount(input.dailyCap);
  const fieldErrors: Record<string, string[]> = {};
  if (!budget.ok) fieldErrors.monthlyBudget = [t("settings.budgetInvalid")];
  if (!cap.ok) fieldErrors.dailyCap = [t("settings.capInvalid")];
  if (!budget.ok || !cap.ok) return { ok: false, fieldErrors };

  const isDefault = input.subject === DEFAULT_SUBJECT;
  let email: string | undefined;
  if (!isDefault) {
    const membership = await db.membership.findFirst({ where: { workspaceId, userId: input.subject }, select: { user: { select: { email: true } } } });
    if (!membership) return { ok: false, message: t("settings.notAMember") };
    email = membership.user.email;
  }

  await db.$transaction(async (tx) => {
    const key = { workspaceId, subject: input.subject };
    const defaults = { workspaceId, subject: DEFAULT_SUBJECT };
    const [oldBudget, oldCap, defaultBudget, defaultCap] = await Promise.all([
      tx.spendBudget.findUnique({ where: { workspaceId_subject_contextKey: { ...key, contextKey: input.contextKey } } }),
      tx.spendCap.findUnique({ where: { workspaceId_subject: key } }),
      tx.spendBudget.findUnique({ where: { workspaceId_subject_contextKey: { ...defaults, contextKey: input.contextKey } } }),
      tx.spendCap.findUnique({ where: { workspaceId_subject: defaults } }),
    ]);
    // Without a row of their own a member follows the defaults: a value equal to the default keeps it that way.
    const before = {
      budget: auditValue((oldBudget ?? defaultBudget)?.monthlyBudget?.toFixed(6)),
      cap: auditValue((oldCap ?? defaultCap)?.dailyCap),
    };
    const after = { budget: auditValue(budget.value), cap: auditValue(cap.value) };
    if (before.budget !== after.budget) {
      await tx.spendBudget.upsert({
        where: { workspaceId_subject_contextKey: { ...key, contextKey: input.contextKey } },
        create: { ...key, contextKey: input.contextKey, monthlyBudget: budget.value },
        update: { monthlyBudget: budget.value },
      });
      await recordAuditEvent(
        {
          workspaceId,
          actorId: context.user.id,
          action: isDefault ? "spending.default_budget_changed" : "spending.budget_changed",
          target: input.subject,
          metadata: { ...(email && { email }), context: input.contextKey, from: before.budget, to: after.budget },
        },
        tx,
      );
    }
    if (before.cap !== after.cap) {
      await tx.spendCap.upsert({ where: { workspaceId_subject: key }, create: { ...key, dailyCap: cap.value }, update: { dailyCap: cap.value } });
      await recordAuditEvent(
        {
          workspaceId,
          actorId: context.user.id,
          action: isDefault ? "spending.default_cap_changed" : "spending.cap_changed",
          target: input.subject,
          metadata: { ...(email && { email }), from: before.cap, to: after.cap },
        },
        tx,
      );
    }
  });
  return { ok: true, message: email ? t("settings.memberSaved", { email }) : t("settings.defaultsSaved") };
}
