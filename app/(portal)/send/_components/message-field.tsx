"use client";

import { useTranslations } from "next-intl";
import { SmsCounter } from "./sms-counter";

/** The Message textarea with its live counter; shared by single and bulk sending. */
export function MessageField({ value, onChange, errors, name = "message" }: { value: string; onChange: (text: string) => void; errors?: string[]; name?: string }) {
  const t = useTranslations("sending.form");
  const counterId = `${name}-counter`;
  const errorId = `${name}-error`;
  return (
    <div>
      <label htmlFor={`field-${name}`} className="block text-sm font-medium text-slate-700">
        {t("message")}
      </label>
      <textarea
        id={`field-${name}`}
        name={name}
        rows={4}
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[counterId, errors?.length ? errorId : null].filter(Boolean).join(" ")}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid]:border-red-500"
      />
      <SmsCounter id={counterId} text={value} />
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-sm text-red-700" aria-live="polite">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
