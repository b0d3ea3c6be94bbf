import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LOCALE_COOKIE, resolveLocale, resolveTimeZone, TIME_ZONE_COOKIE, type Locale } from "./locales";

export type RequestPreferences = {
  locale: Locale;
  timeZone: string;
  /** The zone used when the user has saved none: the browser's, else the language's default. */
  automaticTimeZone: string;
};

/**
 * The current request's language and time zone (i18n/request.ts uses it too):
 * the signed-in user's saved choice, else the visitor cookie, else
 * Accept-Language, else English; the zone is the saved one, else the
 * browser's (cookie), else Europe/Istanbul for Turkish and UTC for English.
 * Pass the result to the formatters in lib/i18n/format.ts.
 */
export const getRequestPreferences = cache(async (): Promise<RequestPreferences> => {
  const [user, cookieStore, headerList] = await Promise.all([getCurrentUser(), cookies(), headers()]);
  const locale = resolveLocale({
    saved: user?.locale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  const browserZone = cookieStore.get(TIME_ZONE_COOKIE)?.value;
  const timeZone = resolveTimeZone({ saved: user?.timeZone, cookie: browserZone, locale });
  return { locale, timeZone, automaticTimeZone: resolveTimeZone({ cookie: browserZone, locale }) };
});
