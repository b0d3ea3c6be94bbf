"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";

type UrlFilterFormProps = {
  /** Where the form goes; also the page it works on without JavaScript. */
  action: string;
  "aria-label": string;
  className?: string;
  children: React.ReactNode;
};

const TEXT_DEBOUNCE_MS = 500;

/**
 * A plain GET form (works without JavaScript) that, with JavaScript, puts the
 * filters in the URL by client navigation instead: the server re-renders the
 * page, history gets an entry (back and forward work), and empty fields stay
 * out of the URL. Selects and dates apply on change, text after a pause.
 * Submitting leaves `page` out, so a filter change starts at page 1.
 */
export function UrlFilterForm({ action, className, children, ...rest }: UrlFilterFormProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const textTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // Back/forward (or a preset link) changes the URL under an unchanged form:
  // show the URL's values, except in the field the person is typing in.
  useEffect(() => {
    const form = formRef.current;
    if (!form || pathname !== action) return;
    for (const element of Array.from(form.elements)) {
      if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement) || !element.name) continue;
      if (element === document.activeElement) continue;
      element.value = searchParams.get(element.name) ?? (element instanceof HTMLSelectElement ? (element.dataset.default ?? "") : "");
    }
  }, [searchParams, pathname, action]);

  useEffect(() => () => clearTimeout(textTimer.current), []);

  function navigate(form: HTMLFormElement) {
    clearTimeout(textTimer.current);
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      const field = form.elements.namedItem(name);
      // A select's default (e.g. 20 a page) stays out of the URL, like an empty field.
      const fallback = field instanceof HTMLSelectElement ? field.dataset.default : undefined;
      if (typeof value === "string" && value.trim() !== "" && value !== fallback) params.set(name, value.trim());
    }
    const query = params.toString();
    router.push(query ? `${action}?${query}` : action, { scroll: false });
  }

  return (
    <form
      ref={formRef}
      method="get"
      action={action}
      className={className}
      aria-label={rest["aria-label"]}
      onSubmit={(event) => {
        event.preventDefault();
        navigate(event.currentTarget);
      }}
      onChange={(event) => {
        const target: EventTarget = event.target;
        const form = event.currentTarget;
        if (target instanceof HTMLInputElement && target.type === "search") {
          clearTimeout(textTimer.current);
          textTimer.current = setTimeout(() => navigate(form), TEXT_DEBOUNCE_MS);
        } else if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === "date" && (target.value === "" || target.validity.valid))) {
          navigate(form);
        }
      }}
    >
      {children}
    </form>
  );
}
