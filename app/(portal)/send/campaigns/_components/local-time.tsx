"use client";

import { useLocale } from "next-intl";
import { useSyncExternalStore } from "react";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

const subscribe = () => () => {};

/** A UTC instant shown in the browser's own time zone and the reader's language (the server shows UTC until hydration). */
export function LocalTime({ iso }: { iso: string }) {
  const locale = useLocale() as Locale;
  const text = useSyncExternalStore(
    subscribe,
    () => formatDateTime(iso, { locale, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }),
    () => `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`,
  );
  return <time dateTime={iso}>{text}</time>;
}
