import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getApiKeySummary } from "@/lib/api-key/get-api-key-summary";
import { formatDateTime } from "@/lib/i18n/format";
import { getRequestPreferences } from "@/lib/i18n/request-preferences";
import { requireWorkspace } from "@/lib/workspaces/workspace-context";
import { RemoveApiKeyForm, SaveApiKeyForm } from "./api-key-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiKey"))("metaTitle") };
}

export default async function ApiKeyPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const { workspace } = await requireWorkspace("api_key.manage");
  const [summary, { welcome }, t, preferences] = await Promise.all([
    getApiKeySummary(workspace.id),
    searchParams,
    getTranslations("apiKey"),
    getRequestPreferences(),
  ]);

  return (
    <div className="max-w-2xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t.rich("intro", { workspace: workspace.name, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      </div>

      {welcome && !summary && (
        <div role="status" className="rounded-md bg-brand-50 px-4 py-3 text-sm text-brand-900">
          {t("welcome")}
        </div>
      )}

      <section aria-labelledby="current-key" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="current-key" className="font-semibold">
          {t("currentTitle")}
        </h2>
        {summary ? (
          <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-slate-500">{t("key")}</dt>
            <dd data-testid="key-last4" className="font-mono">
              •••• {summary.last4}
            </dd>
            <dt className="text-slate-500">{t("yazsanaUser")}</dt>
            <dd>
              {summary.yazsanaUsername} ({summary.yazsanaEmail})
            </dd>
            <dt className="text-slate-500">{t("verified")}</dt>
            <dd>
              <time dateTime={summary.verifiedAt.toISOString()} title={preferences.timeZone}>
                {formatDateTime(summary.verifiedAt, preferences)}
              </time>
              {summary.setBy && <> {t("verifiedBy", { name: summary.setBy.name })}</>}
            </dd>
          </dl>
        ) : (
          <p className="mt-2 text-sm text-slate-600">{t("noKey")}</p>
        )}
      </section>

      <ClientMessages namespaces={["apiKey"]}>
        <section aria-labelledby="set-key" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="set-key" className="mb-4 font-semibold">
            {summary ? t("replaceTitle") : t("addTitle")}
          </h2>
          <SaveApiKeyForm hasKey={!!summary} workspaceId={workspace.id} />
        </section>

        {summary && (
          <section aria-labelledby="remove-key" className="rounded-lg border border-red-200 bg-white p-6">
            <h2 id="remove-key" className="font-semibold text-red-800">
              {t("removeTitle")}
            </h2>
            <p className="mb-4 mt-1 text-sm text-slate-600">{t("removeDescription")}</p>
            <RemoveApiKeyForm workspaceId={workspace.id} />
          </section>
        )}
      </ClientMessages>
    </div>
  );
}
