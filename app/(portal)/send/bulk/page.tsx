import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { defaultServiceId, loadSendContext } from "@/lib/sending/load-send-context";
import { refusalForContext } from "@/lib/sending/refuse-send";
import { readBulkConfig } from "@/lib/sending/bulk-config";
import { roleCan } from "@/lib/workspaces/roles";
import { requireWorkspace, type WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { ContextSummary, SendContextProblem } from "../_components/context-notice";
import { BulkSendForm } from "./bulk-send-form";

export const metadata: Metadata = { title: "Bulk SMS" };

export default async function BulkSendPage() {
  const context = await requireWorkspace("sms.send");
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Bulk SMS</h1>
        <p className="mt-1 text-sm text-slate-600">
          One message to many Turkish mobile numbers: paste them or upload a file, review, then send now or later. Campaigns are listed
          under{" "}
          <Link href="/send/campaigns" className="text-brand-600 underline">
            Campaigns
          </Link>
          .
        </p>
      </div>
      <Suspense fallback={<div aria-hidden className="h-96 animate-pulse rounded-lg bg-slate-100" />}>
        <BulkSection context={context} />
      </Suspense>
    </div>
  );
}

async function BulkSection({ context }: { context: WorkspaceContext }) {
  const view = await loadSendContext(context);
  if (view.status !== "ok") return <SendContextProblem view={view} canManageKey={roleCan(context.role, "api_key.manage")} />;
  const refusal = refusalForContext(view);
  const { uploadMaxBytes, chunkSize } = readBulkConfig();
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
        <BulkSendForm
          workspaceId={context.workspace.id}
          services={view.services.map(({ id, name, currency, unitPrice }) => ({ id, name, currency, unitPrice }))}
          defaultServiceId={await defaultServiceId(context, view.services)}
          uploadMaxMegabytes={Math.round((uploadMaxBytes / 1024 / 1024) * 10) / 10}
          chunkSize={chunkSize}
        />
      )}
    </div>
  );
}
