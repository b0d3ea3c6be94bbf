import type { SelectHTMLAttributes } from "react";

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  options: { value: string; label: string; lang?: string }[];
  errors?: string[];
  hint?: string;
};

/** A labelled select whose hint and errors are tied to it for screen readers (the select twin of Field). */
export function SelectField({ label, name, options, errors, hint, id, className, ...select }: SelectFieldProps) {
  const selectId = id ?? `field-${name}`;
  const errorId = `${selectId}-error`;
  const hintId = `${selectId}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={selectId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={selectId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-600 aria-[invalid]:border-red-500"
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-sm text-red-700" aria-live="polite">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
