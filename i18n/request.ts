import { getRequestConfig, type RequestConfig } from "next-intl/server";
import { getRequestPreferences } from "@/lib/i18n/request-preferences";
import { isLocale } from "@/lib/i18n/locales";
import { sharedMessageCache } from "@/lib/i18n/message-format-cache";
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
  // `_cache` (use-intl's own option, passed through to every translator) keeps
  // compiled messages across requests instead of parsing them on each one.
  const config: RequestConfig & { locale: string; _cache: ReturnType<typeof sharedMessageCache> } = {
    locale,
    timeZone: preferences.timeZone,
    messages: messages[locale],
    _cache: sharedMessageCache(locale, preferences.timeZone),
  };
  return config;
});
