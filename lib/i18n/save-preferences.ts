import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db/client";
import { LOCALE_COOKIE, type Locale } from "./locales";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Remembers a language choice: on the account when signed in (so it follows
 * the user to other browsers), and always in a cookie, so the login page
 * after a logout keeps speaking it.
 */
export async function saveLocaleChoice(locale: Locale, userId: string | null): Promise<void> {
  if (userId) await db.user.update({ where: { id: userId }, data: { locale } });
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: ONE_YEAR_SECONDS, sameSite: "lax", httpOnly: true });
}

/** The account's time zone for dates; null follows the browser. */
export async function saveTimeZoneChoice(timeZone: string | null, userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { timeZone } });
}
