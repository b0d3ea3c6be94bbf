import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { verifyEmail } from "@/lib/auth/email-verification";

// The token is in the URL: no Referer may carry it to another site.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite"))("verify.metaTitle"), referrer: "no-referrer" };
}

/**
 * Opening the link confirms the address. It is a GET with an effect, on
 * purpose: the link is single-use, and mail scanners that prefetch it only
 * confirm an address the mail really reached.
 */
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const result = await verifyEmail(token);
  if (result !== "verified") notFound();
  const t = await getTranslations("invite");
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">{t("verify.confirmedTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("verify.confirmedBody")}</p>
      <p className="mt-6">
        <Link href="/dashboard" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t("verify.continue")}
        </Link>
      </p>
    </>
  );
}
