"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { publicAction } from "@/lib/actions/define-action";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LOCALES } from "@/lib/i18n/locales";
import { saveLocaleChoice } from "@/lib/i18n/save-preferences";
import { v } from "@/lib/i18n/validation";

/** The header's and the login page's language switcher: works signed in or out. */
export const chooseLocaleAction = publicAction("chooseLocale", z.object({ locale: z.enum(LOCALES, v("chooseLanguage")) }), async ({ locale }) => {
  const user = await getCurrentUser();
  await saveLocaleChoice(locale, user?.id ?? null);
  revalidatePath("/", "layout");
  return { ok: true };
});
