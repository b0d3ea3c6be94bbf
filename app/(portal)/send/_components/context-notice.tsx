import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/i18n/format-money";
import { getRequestPreferences } from "@/lib/i18n/request-preferences";
import type { SendContextView } from "@/lib/sending/load-send-context";

/** When the context has no key or Yazsana can't be reached: what to do instead of a form. */
export async function SendContextProblem({ view, canManageKey }: { view: Exclude<SendContextView, { status: "ok" }>; canManageKey: boolean }) {
  const t = await getTranslations("sending.context");
  if (view.status === "no_key") {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <h2 className="font-semibold">{t("connectTitle")}</h2>
        {canManageKey ? (
          <Link href="/settings/api-key" className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t("addApiKey")}
          </Link>
        ) : (
          <p className="mt-1 text-sm text-slate-600">{t("askOwner")}</p>
        )}
      </div>
    );
  }
  return (
    <div role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800">
      {view.message}
    </div>
  );
}

/** The context every send is charged to, and its credit as Yazsana reports it. */
export async function ContextSummary({ view }: { view: Extract<SendContextView, { status: "ok" }> }) {
  const [t, { locale }] = await Promise.all([getTranslations("sending.context"), getRequestPreferences()]);
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label={t("summaryLabel")}>
      <dt className="text-slate-500">{t("context")}</dt>
      <dd data-testid="send-context">{view.contextLabel}</dd>
      <dt className="text-slate-500">{t("credit")}</dt>
      <dd data-testid="send-credit">
        {view.credit !== null ? (
          <span className="font-mono">{formatMoney(view.credit, { locale })}</span>
        ) : (
          <span className="text-slate-600">{t("creditUnavailable")}</span>
        )}
      </dd>
    </dl>
  );
}
