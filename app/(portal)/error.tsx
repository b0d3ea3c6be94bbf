"use client";

import { useTranslations } from "next-intl";
import { PageTitle } from "@/components/page-title";

/** Unexpected failures inside the portal: a calm message and a retry, never the raw error. */
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg border border-red-200 bg-white p-8 text-center">
      <PageTitle title={t("pageFailedTitle")} />
      <h1 className="text-lg font-semibold text-red-800">{t("pageFailedTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {t("pageFailedBody")}
        {error.digest && <> {t("reference")} <code className="font-mono">{error.digest}</code></>}
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        {t("tryAgain")}
      </button>
    </div>
  );
}
