import { useTranslations } from "next-intl";

/**
 * The portal's generic loading state, used by each section's loading.tsx.
 * Deliberately not one loading.tsx for the whole (portal) group: that would
 * wrap every page in Suspense, so every response would start streaming as 200
 * before a page could answer a real HTTP 404 (e.g. /reports/<unknown id>).
 */
export function PageSkeleton() {
  const t = useTranslations("common");
  return (
    <div role="status" aria-busy="true" aria-label={t("loading")} className="space-y-4">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-4 w-96 animate-pulse rounded bg-slate-100" />
      <div className="h-40 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
