"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/actions/define-action";
import { changeName, changePassword, revokeAllSessions } from "@/lib/auth/manage-account";
import { changeNameInput, changePasswordInput } from "@/lib/auth/schemas";
import { isTimeZone, LOCALES } from "@/lib/i18n/locales";
import { saveLocaleChoice, saveTimeZoneChoice } from "@/lib/i18n/save-preferences";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { translatorFor } from "@/lib/i18n/translator";
import { v } from "@/lib/i18n/validation";

export const changeNameAction = userAction("changeName", changeNameInput, async ({ name }, user) => {
  await changeName(user.id, name);
  revalidatePath("/", "layout");
  return { ok: true, message: (await getServerTranslations("settings"))("profile.saved") };
});

export const changePasswordAction = userAction("changePassword", changePasswordInput, async (input, user) => {
  const result = await changePassword(user.id, input.currentPassword, input.newPassword);
  if (!result.ok) return { ok: false, fieldErrors: { [result.field]: [result.message] } };
  return { ok: true, message: (await getServerTranslations("settings"))("password.changed") };
});

export const revokeSessionsAction = userAction("revokeSessions", z.object({}), async (_input, user) => {
  await revokeAllSessions(user.id);
  return { ok: true, message: (await getServerTranslations("settings"))("sessions.done") };
});

const preferencesInput = z.object({
  locale: z.enum(LOCALES, v("chooseLanguage")),
  // "" = follow the browser.
  timeZone: z.string().refine((zone) => zone === "" || isTimeZone(zone), v("chooseTimeZone")),
});

export const savePreferencesAction = userAction("savePreferences", preferencesInput, async ({ locale, timeZone }, user) => {
  await Promise.all([saveLocaleChoice(locale, user.id), saveTimeZoneChoice(timeZone || null, user.id)]);
  revalidatePath("/", "layout");
  // Answer in the language just chosen.
  return { ok: true, message: translatorFor(locale, "settings")("preferences.saved") };
});
