"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/define-action";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { v } from "@/lib/i18n/validation";
import { cancelCampaign, confirmCampaign, resumeCampaign } from "@/lib/sending/manage-campaign";

const campaignId = z.uuid(v("campaignUnknown"));

const confirmInput = z.object({
  campaignId,
  typedCount: z.string().max(20).optional(),
  sendLater: z.enum(["on"]).optional(),
  // The browser turns the local date and time into UTC (it knows the user's zone); empty = now.
  sendAt: z.string().max(40).optional(),
});

export const confirmCampaignAction = workspaceAction("confirmCampaign", { input: confirmInput, permission: "sms.send" }, async (input, context) => {
  let sendAt: Date | null = null;
  if (input.sendLater) {
    sendAt = input.sendAt ? new Date(input.sendAt) : null;
    if (!sendAt || Number.isNaN(sendAt.getTime())) return { ok: false, fieldErrors: { sendAt: [(await getServerTranslations("sending"))("campaign.pickDateTime")] } };
  }
  const result = await confirmCampaign(context, { campaignId: input.campaignId, typedCount: input.typedCount, sendAt });
  if (!result.ok) return result.field ? { ok: false, fieldErrors: { [result.field]: [result.message] } } : { ok: false, message: result.message };
  revalidatePath("/send/campaigns");
  redirect(`/send/campaigns/${input.campaignId}`);
});

export const cancelCampaignAction = workspaceAction("cancelCampaign", { input: z.object({ campaignId }), permission: "sms.send" }, async (input, context) => {
  const result = await cancelCampaign(context, input.campaignId);
  revalidatePath(`/send/campaigns/${input.campaignId}`);
  revalidatePath("/send/campaigns");
  return result;
});

export const resumeCampaignAction = workspaceAction(
  "resumeCampaign",
  { input: z.object({ campaignId, resendUnknown: z.enum(["yes"]).optional() }), permission: "sms.send" },
  async (input, context) => {
    const result = await resumeCampaign(context, input.campaignId, { resendUnknown: input.resendUnknown === "yes" });
    revalidatePath(`/send/campaigns/${input.campaignId}`);
    return result;
  },
);
