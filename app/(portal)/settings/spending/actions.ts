"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/define-action";
import type { ActionState } from "@/lib/actions/action-state";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { DEFAULT_SUBJECT } from "@/lib/spending/context-key";
import { currentSpendContext } from "@/lib/spending/current-spend-context";
import { saveSpendLimits, type SaveResult } from "@/lib/spending/save-spend-limits";
import { saveApprovalRule, saveSpendTimeZone } from "@/lib/spending/save-spend-settings";

const text = z.string().max(40).optional();
/** A member's user id (PostgreSQL uuid: anything else would fail the query itself), or the defaults row. */
const subject = z.union([z.literal(DEFAULT_SUBJECT), z.guid()]);

function toState(result: SaveResult): ActionState {
  if (result.ok) revalidatePath("/settings/spending");
  return result;
}

export const saveSpendLimitsAction = workspaceAction(
  "saveSpendLimits",
  { input: z.object({ subject, contextKey: z.string().max(100), monthlyBudget: text, dailyCap: text }), permission: "spending.manage" },
  async (input, context) => {
    // The page was rendered for one context; saving into another (switched in another tab) would surprise.
    if ((await currentSpendContext(context)).contextKey !== input.contextKey) {
      return { ok: false, message: (await getServerTranslations("spending"))("settings.staleContext") };
    }
    return toState(await saveSpendLimits(context, input));
  },
);

export const saveApprovalRuleAction = workspaceAction(
  "saveApprovalRule",
  { input: z.object({ aboveRecipients: text, aboveCost: text }), permission: "spending.manage" },
  async (input, context) => toState(await saveApprovalRule(context, input)),
);

export const saveSpendTimeZoneAction = workspaceAction(
  "saveSpendTimeZone",
  { input: z.object({ timeZone: z.string().max(64) }), permission: "spending.manage" },
  async (input, context) => toState(await saveSpendTimeZone(context, input)),
);
