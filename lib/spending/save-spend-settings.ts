import "server-only";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { isTimeZone } from "@/lib/i18n/locales";
import { roleCan } from "@/lib/workspaces/roles";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { loadSpendSettings } from "./load-spend-policy";
import { auditValue, parseAmount, parseCount } from "./parse-limits";
import type { SaveResult } from "./save-spend-limits";

const describeRule = (recipients: number | null, cost: string | null) => `recipients > ${auditValue(recipients)}, cost > ${auditValue(cost)}`;

/** The approval rule: campaigns above N recipients and/or above a cost need a second person. */
export async function saveApprovalRule(context: WorkspaceContext, input: { aboveRecipients?: string; aboveCost?: string }): Promise<SaveResult> {
  const t = await getServerTranslations("spending");
  if (!roleCan(context.role, "spending.manage")) return { ok: false, message: t("approvals.notAllowed") };
  const recipients = parseCount(input.aboveRecipients);
  const cost = parseAmount(input.aboveCost);
  const fieldErrors: Record<string, string[]> = {};
  if (!recipients.ok) fieldErrors.aboveRecipients = [t("settings.recipientsInvalid")];
  if (!cost.ok) fieldErrors.aboveCost = [t("settings.budgetInvalid")];
  if (!recipients.ok || !cost.ok) return { ok: false, fieldErrors };

  const workspaceId = context.workspace.id;
  await db.$transaction(async (tx) => {
    const { rule } = await loadSpendSettings(workspaceId, tx);
    const from = describeRule(rule.aboveRecipients, rule.aboveCost);
    const to = describeRule(recipients.value, cost.value);
    if (from === to) return;
    const values = { approvalAboveRecipients: recipients.value, approvalAboveCost: cost.value };
    await tx.spendSettings.upsert({ where: { workspaceId }, create: { workspaceId, ...values }, update: values });
    await recordAuditEvent({ workspaceId, actorId: context.user.id, action: "spending.rule_changed", metadata: { from, to } }, tx);
  });
  return { ok: true, message: t("settings.ruleSaved") };
}

/** The zone whose midnights reset caps and whose first days of the month reset budgets. */
export async function saveSpendTimeZone(context: WorkspaceContext, input: { timeZone?: string }): Promise<SaveResult> {
  const t = await getServerTranslations("spending");
  if (!roleCan(context.role, "spending.manage")) return { ok: false, message: t("approvals.notAllowed") };
  const timeZone = (input.timeZone ?? "").trim();
  if (!isTimeZone(timeZone)) return { ok: false, fieldErrors: { timeZone: [t("settings.timeZoneInvalid")] } };
  const workspaceId = context.workspace.id;
  await db.$transaction(async (tx) => {
    const current = await loadSpendSettings(workspaceId, tx);
    if (current.timeZone === timeZone) return;
    await tx.spendSettings.upsert({ where: { workspaceId }, create: { workspaceId, timeZone }, update: { timeZone } });
    await recordAuditEvent({ workspaceId, actorId: context.user.id, action: "spending.time_zone_changed", metadata: { from: current.timeZone, to: timeZone } }, tx);
  });
  return { ok: true, message: t("settings.timeZoneSaved") };
}
