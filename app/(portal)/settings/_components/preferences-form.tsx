"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { INITIAL_ACTION_STATE } from "@/lib/actions/action-state";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { savePreferencesAction } from "../account-actions";

type PreferencesFormProps = {
  locale: Locale;
  /** The saved zone, or "" to follow the browser. */
  timeZone: string;
  automaticZone: string;
  automaticNow: string;
  timeZones: string[];
};

export function PreferencesForm({ locale, timeZone, automaticZone, automaticNow, timeZones }: PreferencesFormProps) {
  const t = useTranslations("settings.preferences");
  const [state, action] = useActionState(savePreferencesAction, INITIAL_ACTION_STATE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <SelectField
        id="preferred-locale"
        label={t("language")}
        name="locale"
        defaultValue={locale}
        options={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value], lang: value }))}
        errors={errors.locale}
      />
      <SelectField
        label={t("timeZone")}
        name="timeZone"
        defaultValue={timeZone}
        options={[{ value: "", label: t("automatic", { zone: automaticZone }) }, ...timeZones.map((zone) => ({ value: zone, label: zone }))]}
        hint={t("timeZoneHint", { now: automaticNow })}
        errors={errors.timeZone}
      />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
