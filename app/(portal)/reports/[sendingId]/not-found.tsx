import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";

/** An id that is not a sending of the current context: someone else's, another context's, or mistyped. */
export default async function SendingNotFound() {
  const t = await getTranslations("reports");
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center">
      <PageTitle title={t("notFoundTitle")} />
      <h1 className="text-xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("notFoundBody")}</p>
      <Link href="/reports" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        {t("backToReports")}
      </Link>
    </div>
  );
}
