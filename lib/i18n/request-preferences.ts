import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LOCALE_COOKIE, resolveLocale, resolveTimeZone, TIME_ZONE_COOKIE, type Locale } from "./locales";

export type RequestPreferences = { locale: Locale; timeZone: string };

/**
 * The current request's language and time zone (i18n/request.ts uses it too):
 * the signed-in user's saved choice, else the visitor cookie, else
 * Accept-Language, else English; the zone is the saved one, else the
 * browser's (cookie), else Europe/Istanbul for Turkish and UTC for English.
 * Pass the result to the formatters in lib/i18n/format.ts.
 */
export const getRequestPreferences = cache(async (): Promise<RequestPreferences> => {
  if (!(await insideRequest())) return OUTSIDE_REQUEST;
  const [user, cookieStore, headerList] = await Promise.all([getCurrentUser(), cookies(), headers()]);
  const locale = resolveLocale({
    saved: user?.locale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  const timeZone = resolveTimeZone({ saved: user?.timeZone, cookie: cookieStore.get(TIME_ZONE_COOKIE)?.value, locale });
  return { locale, timeZone };
});

/** Outside a request (the worker, scripts, tests) there is no visitor to ask: English and UTC, unless a caller passes a locale. */
const OUTSIDE_REQUEST: RequestPreferences = { locale: "en", timeZone: "UTC" };

async function insideRequest(): Promise<boolean> {
  try {
    await headers();
    return true;
  } catch {
    return false;
  }
}
