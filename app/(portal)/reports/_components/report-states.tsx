import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReportError } from "@/lib/reports/report-error";
import { describeReportsDenial, type ReportsDenial } from "@/lib/reports/reports-access";
import type { ReportNote } from "@/lib/reports/search-params";

/** An upstream failure: what went wrong in words for its kind, and a retry of the same URL. */
export async function ReportErrorState({ error, retryHref }: { error: ReportError; retryHref: string }) {
  const t = await getTranslations("reports");
  return (
    <div role="alert" data-error-kind={error.kind} className="rounded-lg border border-red-200 bg-red-50 p-6 text-sm text-red-900">
      <h2 className="font-semibold">{t(`errorHeadings.${error.kind}`)}</h2>
      <p className="mt-1">{error.message}</p>
      <p className="mt-2 text-red-800">{t("nothingLost")}</p>
      {/* A plain link, so retrying works even if the page's scripts never loaded. */}
      <a href={retryHref} className="mt-4 inline-block rounded-md bg-white px-3 py-1.5 font-medium text-red-900 ring-1 ring-red-300 hover:bg-red-100">
        {t("retry")}
      </a>
    </div>
  );
}

/** Reports can't be read in this workspace or context. */
export async function ReportsDenied({ denial, canManageKey, retryHref }: { denial: ReportsDenial; canManageKey: boolean; retryHref: string }) {
  const t = await getTranslations("reports");
  if (denial.reason === "no_key") {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <h2 className="font-semibold">{t("connectTitle")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("denied.no_key")}</p>
        {canManageKey ? (
          <Link href="/settings/api-key" className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t("addApiKey")}
          </Link>
        ) : (
          <p className="mt-1 text-sm text-slate-600">{t("askOwner")}</p>
        )}
      </div>
    );
  }
  const message = describeReportsDenial(denial, t);
  return (
    <div role="alert" data-error-kind={denial.reason} className="rounded-lg border border-amber-200 bg-amber-50 p-6 text-sm text-amber-900">
      <p>{message}</p>
      {denial.reason === "unavailable" && (
        <a href={retryHref} className="mt-4 inline-block rounded-md bg-white px-3 py-1.5 font-medium ring-1 ring-amber-300 hover:bg-amber-100">
          {t("retry")}
        </a>
      )}
    </div>
  );
}

/** Bad URL parameters that were replaced by defaults. */
export async function ParameterNotes({ notes }: { notes: ReportNote[] }) {
  if (notes.length === 0) return null;
  const t = await getTranslations("reports");
  return (
    <div role="status" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">{t("notesTitle")}</p>
      <ul className="mt-1 list-disc pl-5">
        {notes.map((note, index) => {
          const { key, ...values } = note;
          return <li key={index}>{t(`notes.${key}`, values as Record<string, string | number>)}</li>;
        })}
      </ul>
    </div>
  );
}

/** A table-shaped placeholder while the upstream answers. */
export function TableSkeleton({ rows = 6, label }: { rows?: number; label: string }) {
  return (
    <div role="status" aria-busy="true" aria-label={label} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <div className="h-4 w-40 animate-pulse rounded bg-slate-200" />
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="h-8 animate-pulse rounded bg-slate-100" />
      ))}
    </div>
  );
}
