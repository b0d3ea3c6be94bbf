"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { WorkspaceFormGuard } from "@/components/forms/workspace-form-guard";
import { INITIAL_ACTION_STATE } from "@/lib/actions/action-state";
import type { CampaignReview } from "@/lib/sending/create-campaign-draft";
import { formatDecimal } from "@/lib/money/format-decimal";
import { confirmCampaignAction } from "../campaigns/actions";
import { SpendNotes } from "../_components/spend-notes";

/** What the server derived from the upload, and the confirmation that spends money. */
export function BulkReview({ review, workspaceId, onColumn }: { review: CampaignReview; workspaceId: string; onColumn: (column: number) => void }) {
  const [state, action] = useActionState(confirmCampaignAction, INITIAL_ACTION_STATE);
  const [sendLater, setSendLater] = useState(false);
  const [localTime, setLocalTime] = useState("");
  const count = review.validCount;
  const mustType = count >= review.confirmThreshold;
  // datetime-local is the user's own zone; the browser knows it, so it converts to UTC here.
  const sendAtUtc = localTime ? new Date(localTime).toISOString() : "";
  const fieldError = (name: string) => state.fieldErrors?.[name];

  return (
    <section aria-labelledby="review-heading" className="space-y-5 rounded-lg border border-brand-600/30 bg-white p-6" data-testid="bulk-review">
      <h2 id="review-heading" className="text-lg font-semibold">
        Review
      </h2>
      {review.columns.length > 1 && review.column !== null && (
        <div>
          <label htmlFor="field-column" className="block text-sm font-medium text-slate-700">
            Column with the numbers
          </label>
          <select
            id="field-column"
            value={review.column}
            onChange={(event) => onColumn(Number(event.target.value))}
            className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            {review.columns.map((column) => (
              <option key={column.index} value={column.index}>
                {column.label}
              </option>
            ))}
          </select>
          <p className="mt-1 text-xs text-slate-500">{review.headerRow ? "Line 1 is a header and was skipped." : "No header row detected."}</p>
        </div>
      )}
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="text-slate-500">Total lines</dt>
        <dd data-testid="review-total">{review.totalEntries.toLocaleString("en")}</dd>
        <dt className="text-slate-500">Valid unique numbers</dt>
        <dd data-testid="review-valid">{count.toLocaleString("en")}</dd>
        <dt className="text-slate-500">Duplicates removed</dt>
        <dd data-testid="review-duplicates">{review.duplicates.toLocaleString("en")}</dd>
        <dt className="text-slate-500">Invalid lines</dt>
        <dd data-testid="review-invalid">{review.invalidCount.toLocaleString("en")}</dd>
        <dt className="text-slate-500">Message</dt>
        <dd className="whitespace-pre-wrap">
          {review.message}
          <span className="block text-xs text-slate-500">
            {review.sms.characters} characters · {review.sms.encoding === "GSM-7" ? "GSM-7" : "Unicode"} · {review.sms.parts} SMS{" "}
            {review.sms.parts === 1 ? "part" : "parts"}
          </span>
        </dd>
        <dt className="text-slate-500">Service</dt>
        <dd>{review.service.name}</dd>
        <dt className="text-slate-500">Total cost</dt>
        <dd data-testid="review-cost" className="font-mono">
          {formatDecimal(review.service.unitPrice)} × {count.toLocaleString("en")} = {formatDecimal(review.totalCost, review.service.currency)}
        </dd>
        <dt className="text-slate-500">Credit ({review.contextLabel})</dt>
        <dd>{review.credit !== null ? <span className="font-mono">{formatDecimal(review.credit)}</span> : "Not available from Yazsana (personal credit)"}</dd>
      </dl>
      <SpendNotes notes={review.spending.notes} />
      {review.creditCheck.status === "short" && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
          Not enough credit: {review.contextLabel} is short by {formatDecimal(review.creditCheck.shortBy, review.service.currency)}.
        </p>
      )}
      {review.invalidCount > 0 && (
        <div className="space-y-2">
          <table className="min-w-full text-sm">
            <caption className="text-left text-sm font-medium text-slate-700">Invalid lines{review.invalidCount > review.invalidPreview.length ? ` (first ${review.invalidPreview.length})` : ""}</caption>
            <thead className="text-left text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-4">Line</th>
                <th scope="col" className="py-1 pr-4">Value</th>
                <th scope="col" className="py-1">Reason</th>
              </tr>
            </thead>
            <tbody>
              {review.invalidPreview.map((line, index) => (
                <tr key={`${line.line}-${index}`}>
                  <td className="py-1 pr-4 font-mono">{line.line}</td>
                  <td className="py-1 pr-4 font-mono">{line.value}</td>
                  <td className="py-1">{line.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <a href={`/send/campaigns/${review.campaignId}/invalid-lines`} className="text-sm text-brand-600 underline" download>
            Download invalid lines (CSV)
          </a>
        </div>
      )}
      <form action={action} className="space-y-4 border-t border-slate-200 pt-4">
        <WorkspaceFormGuard workspaceId={workspaceId} />
        <input type="hidden" name="campaignId" value={review.campaignId} />
        <FormMessage state={state} />
        <div className="flex items-center gap-2">
          <input id="field-sendLater" type="checkbox" name="sendLater" checked={sendLater} onChange={(event) => setSendLater(event.target.checked)} />
          <label htmlFor="field-sendLater" className="text-sm text-slate-700">
            Send later
          </label>
        </div>
        {sendLater && (
          <div>
            <label htmlFor="field-sendAtLocal" className="block text-sm font-medium text-slate-700">
              Send at
            </label>
            <input
              id="field-sendAtLocal"
              type="datetime-local"
              required
              value={localTime}
              onChange={(event) => setLocalTime(event.target.value)}
              aria-describedby={["field-sendAt-hint", fieldError("sendAt") ? "field-sendAt-error" : null].filter(Boolean).join(" ")}
              className="mt-1 block rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
            <input type="hidden" name="sendAt" value={sendAtUtc} />
            <p id="field-sendAt-hint" className="mt-1 text-xs text-slate-500">
              In your time zone ({Intl.DateTimeFormat().resolvedOptions().timeZone}). You can cancel until it starts.
            </p>
            {fieldError("sendAt") && (
              <p id="field-sendAt-error" className="mt-1 text-sm text-red-700" aria-live="polite">
                {fieldError("sendAt")!.join(" ")}
              </p>
            )}
          </div>
        )}
        {mustType && (
          <div>
            <label htmlFor="field-typedCount" className="block text-sm font-medium text-slate-700">
              Type {count} to confirm
            </label>
            <input
              id="field-typedCount"
              name="typedCount"
              inputMode="numeric"
              autoComplete="off"
              required
              aria-describedby={fieldError("typedCount") ? "field-typedCount-error" : undefined}
              className="mt-1 block w-40 rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
            {fieldError("typedCount") && (
              <p id="field-typedCount-error" className="mt-1 text-sm text-red-700" aria-live="polite">
                {fieldError("typedCount")!.join(" ")}
              </p>
            )}
          </div>
        )}
        <SubmitButton pendingLabel="Confirming…">{`Send to ${count} recipients`}</SubmitButton>
      </form>
    </section>
  );
}
