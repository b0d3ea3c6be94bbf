"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/define-action";
import { singleSendInput } from "@/lib/sending/schemas";
import { sendOneSms } from "@/lib/sending/send-one-sms";

export const sendSmsAction = workspaceAction("sendSms", { input: singleSendInput, permission: "sms.send" }, async (input, context) => {
  const result = await sendOneSms(context, input);
  if (result.kind === "invalid") return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: result.fieldErrors };
  if (result.kind === "refused") return { ok: false, message: result.message };
  // A finished attempt gets the form a fresh key: sending again is a new send, a retry of this one is not.
  if (result.state !== "pending") revalidatePath("/send");
  if (result.state === "accepted" && result.sendingId) {
    return { ok: true, message: result.message, link: { href: `/reports/${result.sendingId}`, label: "View its report" } };
  }
  if (result.state === "unknown" || result.state === "pending") {
    return { ok: false, message: result.message, link: { href: "/reports", label: "Check Reports" } };
  }
  return { ok: false, message: result.message };
});
