import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";

/** HTTP 404 for a confirmation link that is unknown, used, expired or broken. */
export default async function VerifyEmailNotFound() {
  const t = await getTranslations("invite");
  return (
    <>
      <PageTitle title={t("verify.unusableTitle")} />
      <h1 className="text-2xl font-semibold text-slate-900">{t("verify.unusableTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("verify.unusableBody")}</p>
      <p className="mt-6 text-sm">
        <Link href="/login" className="font-medium text-brand-600 underline-offset-2 hover:underline">
          {t("logIn")}
        </Link>
      </p>
    </>
  );
}
