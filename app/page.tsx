import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { MAIN_CONTENT_ID } from "@/components/main-content";

export async function generateMetadata(): Promise<Metadata> {
  const [t, common] = await Promise.all([getTranslations("home"), getTranslations("common")]);
  // The root layout's title template applies to child segments only, not to this page beside it.
  return { title: { absolute: `${t("metaTitle")} · ${common("appName")}` } };
}

export default async function HomePage() {
  const [t, common] = await Promise.all([getTranslations("home"), getTranslations("common")]);
  return (
    <main id={MAIN_CONTENT_ID} tabIndex={-1} className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center gap-8 px-6 py-16">
      <div className="absolute right-4 top-4">
        <LanguageSwitcher />
      </div>
      <div className="space-y-4">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">{common("appName")}</p>
        <h1 className="text-4xl font-bold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="text-lg text-slate-600">{t("intro")}</p>
      </div>
      <div className="flex flex-wrap gap-3">
        <Link href="/signup" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          {t("createWorkspace")}
        </Link>
        <Link href="/login" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100">
          {t("logIn")}
        </Link>
      </div>
    </main>
  );
}
