import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { Suspense } from "react";
import { defaultServiceId, loadSendContext } from "@/lib/sending/load-send-context";
import { refusalForContext } from "@/lib/sending/refuse-send";
import { allowanceNotes } from "@/lib/spending/preview-spend";
import { roleCan } from "@/lib/workspaces/roles";
import { requireWorkspace, type WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { ContextSummary, SendContextProblem } from "./_components/context-notice";
import { SingleSendForm } from "./_components/single-send-form";
import { SpendNotes } from "./_components/spend-notes";

export const metadata: Metadata = { title: "Send SMS" };

export default async function SendPage() {
  const context = await requireWorkspace("sms.send");
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Send an SMS</h1>
        <p className="mt-1 text-sm text-slate-600">
          One message to one Turkish mobile number. For many numbers use{" "}
          <Link href="/send/bulk" className="text-brand-600 underline">
            bulk sending
          </Link>
          .
        </p>
      </div>
      <Suspense fallback={<div aria-hidden className="h-64 animate-pulse rounded-lg bg-slate-100" />}>
        <SendFormSection context={context} />
      </Suspense>
    </div>
  );
}

async function SendFormSection({ context }: { context: WorkspaceContext }) {
  const view = await loadSendContext(context);
  if (view.status !== "ok") return <SendContextProblem view={view} canManageKey={roleCan(context.role, "api_key.manage")} />;
  const refusal = refusalForContext(view);
  return (
    <div className="space-y-4">
      <ContextSummary view={view} />
      {refusal ? (
        <div role="alert" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {refusal}
        </div>
      ) : view.services.length === 0 ? (
        <p className="text-sm text-slate-600">Yazsana offers no active service in this context, so nothing can be sent.</p>
      ) : (
        <SingleSendForm
          workspaceId={context.workspace.id}
          // Generated per render: a retry of this form carries it again and sends once.
          idempotencyKey={randomUUID()}
          services={view.services.map(({ id, name, currency, unitPrice }) => ({ id, name, currency, unitPrice }))}
          defaultServiceId={await defaultServiceId(context, view.services)}
          credit={view.credit}
          contextLabel={view.contextLabel}
          allowance={<SpendNotes notes={await allowanceNotes(context, view.organization?.id ?? null, view.services[0]?.currency ?? null)} />}
        />
      )}
    </div>
  );
}
