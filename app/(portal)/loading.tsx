import { useTranslations } from "next-intl";

export default function PortalLoading() {
  const t = useTranslations("common");
  return (
    <div aria-busy="true" aria-label={t("loading")} className="space-y-4">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-4 w-96 animate-pulse rounded bg-slate-100" />
      <div className="h-40 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
