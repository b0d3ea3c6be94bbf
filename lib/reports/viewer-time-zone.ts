import "server-only";
import { getRequestPreferences } from "@/lib/i18n/request-preferences";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The zone report dates are read and written in: the member's saved zone, else
 * the browser's (reported by the root layout's cookie), else the language's
 * default — the same one every other page shows times in.
 */
export async function viewerTimeZone(): Promise<string> {
  return (await getRequestPreferences()).timeZone;
}

export async function viewerFormat(): Promise<{ locale: Locale; timeZone: string }> {
  const { locale, timeZone } = await getRequestPreferences();
  return { locale, timeZone };
}
