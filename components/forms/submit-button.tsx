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

/** Disabled while its form submits, so a double click can't submit twice. */
export function SubmitButton({ children, pendingLabel, pending, variant = "primary" }: SubmitButtonProps) {
  const t = useTranslations("common");
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  return (
    <button
      type="submit"
      disabled={busy}
      aria-disabled={busy}
      className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-medium shadow-sm disabled:cursor-wait disabled:opacity-60 ${VARIANTS[variant]}`}
    >
      {busy ? (pendingLabel ?? t("working")) : children}
    </button>
  );
}
