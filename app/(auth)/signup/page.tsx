import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getCurrentUser } from "@/lib/auth/current-user";
import { SignUpForm } from "./signup-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signup.metaTitle") };
}

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/dashboard");
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">{t("signup.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {t("signup.haveAccount")}{" "}
        <Link href="/login" className="font-medium text-brand-600 underline-offset-2 hover:underline">
          {t("signup.logIn")}
        </Link>
      </p>
      <ClientMessages namespaces={["auth"]}>
        <SignUpForm />
      </ClientMessages>
    </>
  );
}
