"use client";

import { useActionState, useEffect, useRef, useState } from "react";
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
 * applies it, so browsing the options doesn't switch on every key press; until
 * then a visible hint says the choice is not applied yet.
 *
 * The select is never disabled or remounted while it applies, so keyboard focus
 * stays on it; when the server's answer shows the new value (a refresh, or the
 * workspace switch's redirect under the same layout) a status region announces it.
 */
export function AutoSubmitSelect({ id, label, name, options, value, action, children }: AutoSubmitSelectProps) {
  const t = useTranslations("common");
  const ta = useTranslations("a11y");
  const [state, formAction, pending] = useActionState(action, INITIAL_ACTION_STATE);
  const form = useRef<HTMLFormElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  const choosingWithKeyboard = useRef(false);
  const [chosen, setChosen] = useState(value);
  const [applied, setApplied] = useState(value);
  const [announcement, setAnnouncement] = useState("");
  const [requested, setRequested] = useState<string | null>(null);

  // The applied value changed on the server (this switch, or another tab): show it, and announce it if we asked for it.
  if (applied !== value) {
    setApplied(value);
    setChosen(value);
    if (requested === value) setAnnouncement(ta("switchedTo", { name: options.find((option) => option.value === value)?.label ?? value }));
    setRequested(null);
  }
  // Only a value the server changed later moves the select: on mount the DOM already shows it, and a
  // choice made before hydration (which React replays as a change) must not be reset to the old value.
  const shownValue = useRef(value);
  useEffect(() => {
    if (shownValue.current === value) return;
    shownValue.current = value;
    if (select.current) select.current.value = value;
  }, [value]);

  function apply() {
    if (pending || !form.current || !select.current) return;
    setRequested(select.current.value);
    setAnnouncement("");
    form.current.requestSubmit();
  }

  const hintId = `${id}-hint`;
  const showHint = chosen !== value && !pending;
  return (
    <form ref={form} action={formAction} className="flex flex-wrap items-center gap-x-2 gap-y-1">
      {children}
      <label htmlFor={id} className="text-xs font-medium uppercase tracking-wide text-slate-600">
        {label}
      </label>
      <select
        ref={select}
        id={id}
        name={name}
        defaultValue={value}
        aria-disabled={pending || undefined}
        aria-describedby={hintId}
        onPointerDown={() => (choosingWithKeyboard.current = false)}
        onKeyDown={(event) => {
          choosingWithKeyboard.current = true;
          // aria-disabled doesn't stop the keys: keep the choice still until the last one has applied.
          if (pending && event.key !== "Tab") event.preventDefault();
          else if (event.key === "Enter") {
            event.preventDefault();
            apply();
          }
        }}
        onChange={(event) => {
          setChosen(event.currentTarget.value);
          if (!choosingWithKeyboard.current) apply();
        }}
        className="max-w-56 rounded-md border border-slate-300 bg-white py-1 pl-2 pr-8 text-sm aria-disabled:cursor-wait aria-disabled:opacity-60 pointer-coarse:min-h-11"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
      {/* Visible while a keyboard choice waits for Enter, and while it applies; read with the select either way. */}
      <span id={hintId} className={showHint || pending ? "text-xs text-slate-600" : "sr-only"}>
        {pending ? ta("switching") : t("pressEnterToApply")}
      </span>
      {/* A polite live region, but not role=status: the page's own status message stays the only one. */}
      <span aria-live="polite" aria-atomic="true" data-testid={`${id}-announcement`} className="sr-only">
        {announcement}
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
