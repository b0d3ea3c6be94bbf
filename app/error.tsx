"use client";

import { useTranslations } from "next-intl";
import { PageTitle } from "@/components/page-title";
import { MAIN_CONTENT_ID } from "@/components/main-content";

/**
 * Unexpected failures outside the portal layout (login, sign-up, the home
 * page): a calm message and a retry instead of Next's default error screen.
 * The portal has its own boundary inside its layout; this one catches the rest.
 */
export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main id={MAIN_CONTENT_ID} tabIndex={-1} className="mx-auto flex min-h-screen max-w-lg flex-col items-center justify-center gap-4 px-6 text-center">
      <PageTitle title={t("rootErrorTitle")} />
      <div role="alert">
        <h1 className="text-2xl font-semibold text-slate-900">{t("rootErrorTitle")}</h1>
        <p className="mt-2 text-sm text-slate-600">
          {t("rootErrorBody")}
          {error.digest && <> {t("reference")} <code className="font-mono">{error.digest}</code></>}
        </p>
      </div>
      <button
        type="button"
        onClick={reset}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        {t("tryAgain")}
      </button>
    </main>
  );
}
