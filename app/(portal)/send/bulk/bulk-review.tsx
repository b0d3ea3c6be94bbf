"use client";

import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { WorkspaceFormGuard } from "@/components/forms/workspace-form-guard";
import { INITIAL_ACTION_STATE } from "@/lib/actions/action-state";
import type { CampaignReview } from "@/lib/sending/create-campaign-draft";
import { formatInteger } from "@/lib/i18n/format";
import { formatMoney } from "@/lib/i18n/format-money";
import type { Locale } from "@/lib/i18n/locales";
import { wallTimeToUtc } from "@/lib/i18n/wall-time";
import { describeInvalidLine } from "@/lib/sending/describe-invalid-line";
import { confirmCampaignAction } from "../campaigns/actions";
import { SpendNotes } from "../_components/spend-notes";

/** What the server derived from the upload, and the confirmation that spends money. */
export function BulkReview({ review, workspaceId, onColumn }: { review: CampaignReview; workspaceId: string; onColumn: (column: number) => void }) {
  const t = useTranslations("sending.review");
  const tSending = useTranslations("sending");
  const locale = useLocale() as Locale;
  // i18n/request.ts always sets the user's zone; the providers pass it down.
  const timeZone = useTimeZone() ?? "UTC";
  const integer = (value: number) => formatInteger(value, locale);
  const money = (value: string, currency?: string) => formatMoney(value, { locale, ...(currency !== undefined && { currency }) });
  const [state, action] = useActionState(confirmCampaignAction, INITIAL_ACTION_STATE);
  const [sendLater, setSendLater] = useState(false);
  const [localTime, setLocalTime] = useState("");
  const count = review.validCount;
  const mustType = count >= review.confirmThreshold;
  // The picked time is read in the zone the portal shows every time in (the user's), not the browser's.
  const sendAtUtc = (localTime && wallTimeToUtc(localTime, timeZone)?.toISOString()) || "";
  const fieldError = (name: string) => state.fieldErrors?.[name];

  return (
    <section aria-labelledby="review-heading" className="space-y-5 rounded-lg border border-brand-600/30 bg-white p-6" data-testid="bulk-review">
      <h2 id="review-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {review.columns.length > 1 && review.column !== null && (
        <div>
          <label htmlFor="field-column" className="block text-sm font-medium text-slate-700">
            {t("column")}
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
          <p className="mt-1 text-xs text-slate-500">{review.headerRow ? t("headerSkipped") : t("noHeader")}</p>
        </div>
      )}
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("totalLines")}</dt>
        <dd data-testid="review-total">{integer(review.totalEntries)}</dd>
        <dt className="text-slate-500">{t("validNumbers")}</dt>
        <dd data-testid="review-valid">{integer(count)}</dd>
        <dt className="text-slate-500">{t("duplicates")}</dt>
        <dd data-testid="review-duplicates">{integer(review.duplicates)}</dd>
        <dt className="text-slate-500">{t("invalidLines")}</dt>
        <dd data-testid="review-invalid">{integer(review.invalidCount)}</dd>
        <dt className="text-slate-500">{t("message")}</dt>
        <dd className="whitespace-pre-wrap">
          {review.message}
          <span className="block text-xs text-slate-500">
            {t("messageStats", {
              characters: review.sms.characters,
              encoding: review.sms.encoding === "GSM-7" ? "GSM-7" : tSending("counter.unicode"),
              parts: review.sms.parts,
            })}
          </span>
        </dd>
        <dt className="text-slate-500">{t("service")}</dt>
        <dd>{review.service.name}</dd>
        <dt className="text-slate-500">{t("totalCost")}</dt>
        <dd data-testid="review-cost" className="font-mono">
          {money(review.service.unitPrice)} × {integer(count)} = {money(review.totalCost, review.service.currency)}
        </dd>
        <dt className="text-slate-500">{t("credit", { context: review.contextLabel })}</dt>
        <dd>{review.credit !== null ? <span className="font-mono">{money(review.credit)}</span> : t("creditUnavailable")}</dd>
      </dl>
      {review.spending.overLimit.length > 0 && (
        <ul className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm font-medium text-amber-900" data-testid="spend-over-limit">
          {review.spending.overLimit.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <SpendNotes notes={review.spending.notes} />
      {review.creditCheck.status === "short" && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
          {t("short", { context: review.contextLabel, amount: money(review.creditCheck.shortBy, review.service.currency) })}
        </p>
      )}
      {review.invalidCount > 0 && (
        <div className="space-y-2">
          <table className="min-w-full text-sm">
            <caption className="text-left text-sm font-medium text-slate-700">
              {review.invalidCount > review.invalidPreview.length ? t("invalidLinesFirst", { count: review.invalidPreview.length }) : t("invalidLines")}
            </caption>
            <thead className="text-left text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-4">{t("line")}</th>
                <th scope="col" className="py-1 pr-4">{t("value")}</th>
                <th scope="col" className="py-1">{t("reason")}</th>
              </tr>
            </thead>
            <tbody>
              {review.invalidPreview.map((line, index) => (
                <tr key={`${line.line}-${index}`}>
                  <td className="py-1 pr-4 font-mono">{line.line}</td>
                  <td className="py-1 pr-4 font-mono">{line.value}</td>
                  <td className="py-1">{describeInvalidLine(line, tSending)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <a href={`/send/campaigns/${review.campaignId}/invalid-lines`} className="text-sm text-brand-600 underline" download>
            {t("downloadInvalid")}
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
            {t("sendLater")}
          </label>
        </div>
        {sendLater && (
          <div>
            <label htmlFor="field-sendAtLocal" className="block text-sm font-medium text-slate-700">
              {t("sendAt")}
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
              {t("sendAtHint", { timeZone })}
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
              {t("typeToConfirm", { count: String(count) })}
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
        <SubmitButton pendingLabel={t("confirming")}>{t("sendTo", { count: String(count) })}</SubmitButton>
      </form>
    </section>
  );
}
