"use client";

import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/i18n/locales";

/**
 * Tells the server the browser's time zone, for users who haven't saved one
 * in Account settings: dates render in it from the next request on.
 */
export function TimeZoneCookie() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || document.cookie.split("; ").includes(`${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}`)) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
  }, []);
  return null;
}
