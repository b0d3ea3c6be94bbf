"use client";

import { useSyncExternalStore } from "react";
// Its own small catalog: this boundary's script is part of every page's first load.
import en from "@/messages/en/globalError.json";
import tr from "@/messages/tr/globalError.json";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/locales";
import "./globals.css";

const TEXT = { en, tr };

/** The visitor's language without the server (which just failed): the language cookie, else the browser's. */
function browserLocale() {
  const cookie = document.cookie.split("; ").find((entry) => entry.startsWith(`${LOCALE_COOKIE}=`));
  return resolveLocale({ cookie: cookie?.slice(LOCALE_COOKIE.length + 1), acceptLanguage: navigator.languages.join(",") });
}

const noSubscription = () => () => {};

/**
 * Last resort: an error in the root layout itself. It replaces the whole
 * document, so it brings its own <html> and <body> — and, without the root
 * layout's translations, its own two sentences in each language.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // English on the server and during hydration, then the browser's language.
  const locale = useSyncExternalStore(noSubscription, browserLocale, () => "en" as const);
  const t = TEXT[locale];
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <main className="mx-auto flex min-h-screen max-w-lg flex-col items-center justify-center gap-4 px-6 text-center">
          <div role="alert">
            <h1 className="text-2xl font-semibold text-slate-900">{t.title}</h1>
            <p className="mt-2 text-sm text-slate-600">
              {t.body}
              {error.digest && <> {t.reference} <code className="font-mono">{error.digest}</code></>}
            </p>
          </div>
          <button
            type="button"
            onClick={reset}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            {t.tryAgain}
          </button>
        </main>
      </body>
    </html>
  );
}
