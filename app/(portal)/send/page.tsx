import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { defaultServiceId, loadSendContext } from "@/lib/sending/load-send-context";
import { refusalForContext } from "@/lib/sending/refuse-send";
import { allowanceNotes } from "@/lib/spending/preview-spend";
import { roleCan } from "@/lib/workspaces/roles";
import { requireWorkspace, type WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { ContextSummary, SendContextProblem } from "./_components/context-notice";
import { CostEstimate } from "./_components/cost-estimate";
import { SingleSendForm } from "./_components/single-send-form";
import { SpendNotes } from "./_components/spend-notes";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sending"))("send.metaTitle") };
}

export default async function SendPage() {
  const context = await requireWorkspace("sms.send");
  const t = await getTranslations("sending");
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("send.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t.rich("send.intro", {
            link: (chunks) => (
              <Link href="/send/bulk" className="text-brand-600 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
      <Suspense fallback={<div aria-hidden className="h-64 animate-pulse rounded-lg bg-slate-100" />}>
        <SendFormSection context={context} />
      </Suspense>
    </div>
  );
}

async function SendFormSection({ context }: { context: WorkspaceContext }) {
  const [view, t] = await Promise.all([loadSendContext(context), getTranslations("sending")]);
  if (view.status !== "ok") return <SendContextProblem view={view} canManageKey={roleCan(context.role, "api_key.manage")} />;
  const refusal = refusalForContext(view, t);
  const services = view.services.map(({ id, name, currency, unitPrice }) => ({ id, name, currency, unitPrice }));
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
          <SingleSendForm
          workspaceId={context.workspace.id}
          // Generated per render: a retry of this form carries it again and sends once.
          idempotencyKey={randomUUID()}
          services={services}
          defaultServiceId={await defaultServiceId(context, view.services)}
          estimates={Object.fromEntries(
            services.map((service) => [service.id, <CostEstimate key={service.id} service={service} recipients={1} credit={view.credit} contextLabel={view.contextLabel} />]),
          )}
          allowance={<SpendNotes notes={await allowanceNotes(context, view.organization?.id ?? null, view.services[0]?.currency ?? null)} />}
          />
        </ClientMessages>
      )}
    </div>
  );
}
