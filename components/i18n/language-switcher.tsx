"use client";

import { useLocale, useTranslations } from "next-intl";
import { chooseLocaleAction } from "@/app/locale-actions";
import { AutoSubmitSelect } from "@/components/forms/auto-submit-select";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

/** Language choice for the header and the login and sign-up pages; names are in their own language. */
export function LanguageSwitcher() {
  const t = useTranslations("common");
  const locale = useLocale();
  return (
    <AutoSubmitSelect
      id="language-switcher"
      label={t("language")}
      name="locale"
      value={locale}
      options={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value], lang: value }))}
      action={chooseLocaleAction}
    />
  );
}
