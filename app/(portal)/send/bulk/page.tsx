import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { defaultServiceId, loadSendContext } from "@/lib/sending/load-send-context";
import { refusalForContext } from "@/lib/sending/refuse-send";
import { readBulkConfig } from "@/lib/sending/bulk-config";
import { roleCan } from "@/lib/workspaces/roles";
import { requireWorkspace, type WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { ContextSummary, SendContextProblem } from "../_components/context-notice";
import { BulkSendForm } from "./bulk-send-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sending"))("bulk.metaTitle") };
}

export default async function BulkSendPage() {
  const context = await requireWorkspace("sms.send");
  const t = await getTranslations("sending");
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("bulk.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t.rich("bulk.intro", {
            link: (chunks) => (
              <Link href="/send/campaigns" className="text-brand-600 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
      <Suspense fallback={<div aria-hidden className="h-96 animate-pulse rounded-lg bg-slate-100" />}>
        <BulkSection context={context} />
      </Suspense>
    </div>
  );
}

async function BulkSection({ context }: { context: WorkspaceContext }) {
  const [view, t] = await Promise.all([loadSendContext(context), getTranslations("sending")]);
  if (view.status !== "ok") return <SendContextProblem view={view} canManageKey={roleCan(context.role, "api_key.manage")} />;
  const refusal = refusalForContext(view, t);
  const { uploadMaxBytes, chunkSize } = readBulkConfig();
  return (
    <div className="space-y-4">
      <ContextSummary view={view} />
      {refusal ? (
        <div role="alert" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {refusal}
        </div>
      ) : view.services.length === 0 ? (
        <p className="text-sm text-slate-600">{t("send.noServices")}</p>
      ) : (
        <ClientMessages namespaces={["sending", "validation"]}>
          <BulkSendForm
          workspaceId={context.workspace.id}
          services={view.services.map(({ id, name, currency, unitPrice }) => ({ id, name, currency, unitPrice }))}
          defaultServiceId={await defaultServiceId(context, view.services)}
          uploadMaxMegabytes={Math.round((uploadMaxBytes / 1024 / 1024) * 10) / 10}
          chunkSize={chunkSize}
          />
        </ClientMessages>
      )}
    </div>
  );
}
