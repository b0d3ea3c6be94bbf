"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { formatInteger } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { WORKSPACE_FIELD } from "@/lib/actions/action-state";
import type { CampaignReview } from "@/lib/sending/create-campaign-draft";
import type { ServiceOption } from "../_components/cost-estimate";
import { MessageField } from "../_components/message-field";
import { ServiceSelect } from "../_components/service-select";
import { BulkReview } from "./bulk-review";

type Props = { workspaceId: string; services: ServiceOption[]; defaultServiceId: string | undefined; uploadMaxMegabytes: number; chunkSize: number };
type FieldErrors = Partial<Record<string, string[]>>;

export function BulkSendForm({ workspaceId, services, defaultServiceId, uploadMaxMegabytes, chunkSize }: Props) {
  const t = useTranslations("sending.bulk");
  const locale = useLocale() as Locale;
  const [recipients, setRecipients] = useState("");
  const [message, setMessage] = useState("");
  const [serviceId, setServiceId] = useState(defaultServiceId ?? services[0]?.id ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [review, setReview] = useState<CampaignReview | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  async function runReview(column: number | null) {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    const source = file ? (file.name.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv") : "text";
    try {
      const response = await fetch("/api/bulk/review", {
        method: "POST",
        headers: {
          "content-type": file ? "application/octet-stream" : "text/plain; charset=utf-8",
          "x-bulk-review": encodeURIComponent(JSON.stringify({ workspaceId, source, column, message, serviceId })),
        },
        body: file ?? recipients,
      });
      const answer = (await response.json().catch(() => ({ ok: false, message: t("reviewFailed") }))) as
        | { ok: true; review: CampaignReview }
        | { ok: false; message: string; fieldErrors?: FieldErrors };
      if (answer.ok) setReview(answer.review);
      else {
        setReview(null);
        setError(answer.message);
        setFieldErrors(answer.fieldErrors ?? {});
      }
    } catch {
      setError(t("reviewUnreachable"));
    } finally {
      setBusy(false);
    }
  }

  const recipientErrors = fieldErrors.recipients ?? [];
  const fileErrors = fieldErrors.file ?? [];
  return (
    <div className="space-y-6">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void runReview(null);
        }}
        className="space-y-5 rounded-lg border border-slate-200 bg-white p-6"
        aria-busy={busy}
      >
        <input type="hidden" name={WORKSPACE_FIELD} value={workspaceId} />
        {error && (
          <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </div>
        )}
        <div>
          <label htmlFor="field-recipients" className="block text-sm font-medium text-slate-700">
            {t("recipients")}
          </label>
          <textarea
            id="field-recipients"
            name="recipients"
            rows={6}
            value={recipients}
            disabled={!!file}
            onChange={(event) => setRecipients(event.target.value)}
            aria-invalid={recipientErrors.length ? true : undefined}
            aria-describedby={["field-recipients-hint", recipientErrors.length ? "field-recipients-error" : null].filter(Boolean).join(" ")}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 disabled:bg-slate-100"
          />
          <p id="field-recipients-hint" className="mt-1 text-xs text-slate-500">
            {t("recipientsHint")}
          </p>
          {recipientErrors.length > 0 && (
            <p id="field-recipients-error" className="mt-1 text-sm text-red-700" aria-live="polite">
              {recipientErrors.join(" ")}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="field-file" className="block text-sm font-medium text-slate-700">
            {t("file")}
          </label>
          <input
            ref={fileInput}
            id="field-file"
            name="file"
            type="file"
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setReview(null);
            }}
            aria-invalid={fileErrors.length ? true : undefined}
            aria-describedby={["field-file-hint", fileErrors.length ? "field-file-error" : null].filter(Boolean).join(" ")}
            className="mt-1 block text-sm"
          />
          <p id="field-file-hint" className="mt-1 text-xs text-slate-500">
            {t("fileHint", { megabytes: uploadMaxMegabytes, chunkSize: formatInteger(chunkSize, locale) })}
          </p>
          {fileErrors.length > 0 && (
            <p id="field-file-error" className="mt-1 text-sm text-red-700" aria-live="polite">
              {fileErrors.join(" ")}
            </p>
          )}
          {file && (
            <button
              type="button"
              onClick={() => {
                setFile(null);
                setReview(null);
                if (fileInput.current) fileInput.current.value = "";
              }}
              className="mt-1 text-sm text-brand-600 underline"
            >
              {t("removeFile")}
            </button>
          )}
        </div>
        <MessageField value={message} onChange={setMessage} errors={fieldErrors.message} />
        <ServiceSelect services={services} value={serviceId} onChange={setServiceId} errors={fieldErrors.serviceId} />
        <button
          type="submit"
          // aria-disabled, not disabled: a disabled button would drop the keyboard focus of whoever pressed it.
          aria-disabled={busy || undefined}
          className="inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 aria-disabled:cursor-wait aria-disabled:opacity-60"
        >
          {busy ? t("reviewing") : t("review")}
        </button>
      </form>
      {review && <BulkReview key={review.campaignId} review={review} workspaceId={workspaceId} onColumn={(column) => void runReview(column)} />}
    </div>
  );
}
