"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";

const PANEL_ID = "header-menu";

/**
 * On small screens the header shows only the product name and a Menu button;
 * the navigation, workspace, context and account controls open beneath it.
 * From the md breakpoint up the panel is always shown inline and the button
 * is hidden, so desktop layouts (and tests) see every control at once.
 * Escape closes the panel and puts focus back on the button; following a link
 * inside it closes it too. Choosing a workspace or context keeps it open, so
 * focus stays on the select that was used.
 */
export function HeaderMenu({ children }: { children: React.ReactNode }) {
  const t = useTranslations("a11y");
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={PANEL_ID}
        onClick={() => setOpen((was) => !was)}
        className="ml-auto inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 md:hidden pointer-coarse:min-h-11"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
          {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
        </svg>
        {t("menu")}
      </button>
      <div
        id={PANEL_ID}
        onClick={(event) => {
          if (event.target instanceof Element && event.target.closest("a")) setOpen(false);
        }}
        className={`${open ? "flex" : "hidden"} w-full flex-col gap-4 border-t border-slate-200 pt-3 md:flex md:w-auto md:flex-1 md:flex-row md:flex-wrap md:items-center md:gap-x-6 md:gap-y-3 md:border-0 md:pt-0`}
      >
        {children}
      </div>
    </>
  );
}
