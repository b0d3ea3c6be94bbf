import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { MAIN_CONTENT_ID } from "@/components/main-content";

// A URL no route matches gets the layout's metadata unless this file names its own title.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("errors");
  return { title: t("notFoundTitle") };
}

export default function NotFound() {
  const t = useTranslations("errors");
  return (
    <main id={MAIN_CONTENT_ID} tabIndex={-1} className="mx-auto flex min-h-screen max-w-lg flex-col items-center justify-center gap-4 px-6 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="text-slate-600">{t("notFoundBody")}</p>
      <Link href="/dashboard" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        {t("goToDashboard")}
      </Link>
    </main>
  );
}
