"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/actions/action-state";

export type SelectOption = { value: string; label: string; disabled?: boolean; lang?: string };

type AutoSubmitSelectProps = {
  id: string;
  label: string;
  name: string;
  options: SelectOption[];
  value: string;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** Hidden fields that travel with the choice. */
  children?: React.ReactNode;
};

/**
 * A labelled select that submits as soon as a pointer picks an option (header
 * switchers). With the keyboard, arrow keys only move the choice and Enter
 * applies it, so browsing the options doesn't switch on every key press.
 */
export function AutoSubmitSelect({ id, label, name, options, value, action, children }: AutoSubmitSelectProps) {
  const t = useTranslations("common");
  const [state, formAction, pending] = useActionState(action, INITIAL_ACTION_STATE);
  const form = useRef<HTMLFormElement>(null);
  const choosingWithKeyboard = useRef(false);
  return (
    <form ref={form} action={formAction} className="flex items-center gap-2">
      {children}
      <label htmlFor={id} className="text-xs font-medium uppercase tracking-wide text-slate-500">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value}
        key={value}
        disabled={pending}
        aria-describedby={`${id}-hint`}
        onPointerDown={() => (choosingWithKeyboard.current = false)}
        onKeyDown={(event) => {
          choosingWithKeyboard.current = true;
          if (event.key === "Enter") {
            event.preventDefault();
            form.current?.requestSubmit();
          }
        }}
        onChange={() => {
          if (!choosingWithKeyboard.current) form.current?.requestSubmit();
        }}
        className="max-w-56 rounded-md border border-slate-300 bg-white py-1 pl-2 pr-8 text-sm"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
      <span id={`${id}-hint`} className="sr-only">
        {t("pressEnterToApply")}
      </span>
      <noscript>
        <button type="submit">{t("apply")}</button>
      </noscript>
      {state.message && (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
