"use client";

import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";

type SubmitButtonProps = {
  children: React.ReactNode;
  pendingLabel?: string;
  pending?: boolean;
  variant?: "primary" | "danger" | "secondary";
};

const VARIANTS = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  danger: "bg-red-600 text-white hover:bg-red-700",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
};

/**
 * Inert while its form submits, so a double click can't submit twice. It uses
 * aria-disabled rather than disabled: a disabled button drops keyboard focus
 * to <body>, and the person pressing it would have to find their place again.
 */
export function SubmitButton({ children, pendingLabel, pending, variant = "primary" }: SubmitButtonProps) {
  const t = useTranslations("common");
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  return (
    <button
      type="submit"
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) event.preventDefault();
      }}
      className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-medium shadow-sm aria-disabled:cursor-wait aria-disabled:opacity-60 ${VARIANTS[variant]}`}
    >
      {busy ? (pendingLabel ?? t("working")) : children}
    </button>
  );
}
