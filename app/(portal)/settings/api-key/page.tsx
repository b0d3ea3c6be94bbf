import type { Metadata } from "next";
import { getApiKeySummary } from "@/lib/api-key/get-api-key-summary";
import { requireWorkspace } from "@/lib/workspaces/workspace-context";
import { RemoveApiKeyForm, SaveApiKeyForm } from "./api-key-forms";

export const metadata: Metadata = { title: "API key" };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function ApiKeyPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const { workspace } = await requireWorkspace("api_key.manage");
  const [summary, { welcome }] = await Promise.all([getApiKeySummary(workspace.id), searchParams]);

  return (
    <div className="max-w-2xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Yazsana API key</h1>
        <p className="mt-1 text-sm text-slate-600">
          One key for the whole workspace <strong>{workspace.name}</strong>. Members send through it without ever seeing it.
        </p>
      </div>

      {welcome && !summary && (
        <div role="status" className="rounded-md bg-brand-50 px-4 py-3 text-sm text-brand-900">
          Welcome! Paste your company&apos;s Yazsana API key to start sending.
        </div>
      )}

      <section aria-labelledby="current-key" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="current-key" className="font-semibold">
          Current key
        </h2>
        {summary ? (
          <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-slate-500">Key</dt>
            <dd data-testid="key-last4" className="font-mono">
              •••• {summary.last4}
            </dd>
            <dt className="text-slate-500">Yazsana user</dt>
            <dd>
              {summary.yazsanaUsername} ({summary.yazsanaEmail})
            </dd>
            <dt className="text-slate-500">Verified</dt>
            <dd>
              <time dateTime={summary.verifiedAt.toISOString()}>{dateTime.format(summary.verifiedAt)} UTC</time>
              {summary.setBy && <> by {summary.setBy.name}</>}
            </dd>
          </dl>
        ) : (
          <p className="mt-2 text-sm text-slate-600">No key yet. Nobody in this workspace can send until one is saved.</p>
        )}
      </section>

      <section aria-labelledby="set-key" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="set-key" className="mb-4 font-semibold">
          {summary ? "Replace the key" : "Add your key"}
        </h2>
        <SaveApiKeyForm hasKey={!!summary} workspaceId={workspace.id} />
      </section>

      {summary && (
        <section aria-labelledby="remove-key" className="rounded-lg border border-red-200 bg-white p-6">
          <h2 id="remove-key" className="font-semibold text-red-800">
            Remove the key
          </h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">The encrypted key is deleted. This is recorded in the audit log.</p>
          <RemoveApiKeyForm workspaceId={workspace.id} />
        </section>
      )}
    </div>
  );
}
