"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/define-action";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { approveCampaign, rejectCampaign } from "@/lib/spending/decide-approval";

const campaignId = z.uuid();

function refresh(id: string) {
  revalidatePath("/send/approvals");
  revalidatePath("/send/campaigns");
  revalidatePath(`/send/campaigns/${id}`);
}

export const approveCampaignAction = workspaceAction(
  "approveCampaign",
  { input: z.object({ campaignId, overrideLimit: z.enum(["yes"]).optional() }), permission: "spending.manage" },
  async (input, context) => {
    const result = await approveCampaign(context, input.campaignId, { overrideLimit: input.overrideLimit === "yes" });
    if (result.field) return { ok: false, fieldErrors: { [result.field]: [result.message] } };
    refresh(input.campaignId);
    return { ok: result.ok, message: result.message };
  },
);

export const rejectCampaignAction = workspaceAction(
  "rejectCampaign",
  { input: z.object({ campaignId, reason: z.string().max(2000).optional() }), permission: "spending.manage" },
  async (input, context) => {
    const reason = (input.reason ?? "").trim();
    if (!reason || reason.length > 500) return { ok: false, fieldErrors: { reason: [(await getServerTranslations("spending"))("approvals.reasonRequired")] } };
    const result = await rejectCampaign(context, input.campaignId, reason);
    refresh(input.campaignId);
    return result;
  },
);
