import { getRequestConfig } from "next-intl/server";
import { getRequestPreferences } from "@/lib/i18n/request-preferences";
import { isLocale } from "@/lib/i18n/locales";
import { messages } from "@/messages";

/**
 * next-intl without i18n routing: URLs carry no locale; each request's
 * language and zone come from the user, a cookie or Accept-Language
 * (lib/i18n/request-preferences.ts). An explicit locale
 * (getTranslations({ locale })) wins, e.g. for a message to another user.
 */
export default getRequestConfig(async ({ locale: explicit }) => {
  const preferences = await getRequestPreferences();
  const locale = isLocale(explicit) ? explicit : preferences.locale;
  return { locale, timeZone: preferences.timeZone, messages: messages[locale] };
});
