"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/actions/define-action";
import { changeName, changePassword, revokeAllSessions } from "@/lib/auth/manage-account";
import { changeNameInput, changePasswordInput } from "@/lib/auth/schemas";

export const changeNameAction = userAction("changeName", changeNameInput, async ({ name }, user) => {
  await changeName(user.id, name);
  revalidatePath("/", "layout");
  return { ok: true, message: "Name saved." };
});

export const changePasswordAction = userAction("changePassword", changePasswordInput, async (input, user) => {
  const result = await changePassword(user.id, input.currentPassword, input.newPassword);
  if (!result.ok) return { ok: false, fieldErrors: { [result.field]: [result.message] } };
  return { ok: true, message: "Password changed. Every session has been logged out; log in with the new password." };
});

export const revokeSessionsAction = userAction("revokeSessions", z.object({}), async (_input, user) => {
  await revokeAllSessions(user.id);
  return { ok: true, message: "Logged out everywhere." };
});
