import Link from "next/link";
import { formatDecimal } from "@/lib/money/format-decimal";
import type { SendContextView } from "@/lib/sending/load-send-context";

/** When the context has no key or Yazsana can't be reached: what to do instead of a form. */
export function SendContextProblem({ view, canManageKey }: { view: Exclude<SendContextView, { status: "ok" }>; canManageKey: boolean }) {
  if (view.status === "no_key") {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <h2 className="font-semibold">Connect your Yazsana account</h2>
        {canManageKey ? (
          <Link href="/settings/api-key" className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            Add API key
          </Link>
        ) : (
          <p className="mt-1 text-sm text-slate-600">Ask the workspace owner to add the Yazsana API key.</p>
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
export function ContextSummary({ view }: { view: Extract<SendContextView, { status: "ok" }> }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label="Sending context">
      <dt className="text-slate-500">Context</dt>
      <dd data-testid="send-context">{view.contextLabel}</dd>
      <dt className="text-slate-500">Credit</dt>
      <dd data-testid="send-credit">
        {view.credit !== null ? (
          <span className="font-mono">{formatDecimal(view.credit)}</span>
        ) : (
          <span className="text-slate-600">Not available from Yazsana: its API does not report personal credit. Yazsana refuses a send the credit can&apos;t cover.</span>
        )}
      </dd>
    </dl>
  );
}
