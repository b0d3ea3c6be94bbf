import Link from "next/link";
import { useTranslations } from "next-intl";
import { PageTitle } from "@/components/page-title";
import { MAIN_CONTENT_ID } from "@/components/main-content";

export default function NotFound() {
  const t = useTranslations("errors");
  return (
    <main id={MAIN_CONTENT_ID} tabIndex={-1} className="mx-auto flex min-h-screen max-w-lg flex-col items-center justify-center gap-4 px-6 text-center">
      <PageTitle title={t("notFoundTitle")} />
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="text-slate-600">{t("notFoundBody")}</p>
      <Link href="/dashboard" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        {t("goToDashboard")}
      </Link>
    </main>
  );
}
