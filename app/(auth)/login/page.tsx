import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("login.metaTitle") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> }) {
  const { callbackUrl, error } = await searchParams;
  const destination = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : undefined);
  if (await getCurrentUser()) redirect(destination);
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">{t("login.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {t("login.newHere")}{" "}
        <Link href="/signup" className="font-medium text-brand-600 underline-offset-2 hover:underline">
          {t("login.createWorkspace")}
        </Link>
      </p>
      <ClientMessages namespaces={["auth"]}>
        {/* next-auth sends failed logins without JavaScript here with one of our codes; unknown codes get a generic sentence. */}
        <LoginForm destination={destination} initialError={typeof error === "string" ? error : undefined} />
      </ClientMessages>
    </>
  );
}
