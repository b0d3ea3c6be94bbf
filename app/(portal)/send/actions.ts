"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/define-action";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { singleSendInput } from "@/lib/sending/schemas";
import { sendOneSms } from "@/lib/sending/send-one-sms";

export const sendSmsAction = workspaceAction("sendSms", { input: singleSendInput, permission: "sms.send" }, async (input, context) => {
  const [result, t] = await Promise.all([sendOneSms(context, input), getServerTranslations("sending")]);
  if (result.kind === "invalid") return { ok: false, message: t("send.correctFields"), fieldErrors: result.fieldErrors };
  if (result.kind === "refused") return { ok: false, message: result.message };
  // A finished attempt gets the form a fresh key: sending again is a new send, a retry of this one is not.
  if (result.state !== "pending") revalidatePath("/send");
  if (result.state === "accepted" && result.sendingId) {
    return { ok: true, message: result.message, link: { href: `/reports/${result.sendingId}`, label: t("send.viewReport") } };
  }
  if (result.state === "unknown" || result.state === "pending") {
    return { ok: false, message: result.message, link: { href: "/reports", label: t("send.checkReports") } };
  }
  return { ok: false, message: result.message };
});
