import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { TimeZoneCookie } from "@/components/i18n/time-zone-cookie";
import { SkipLink } from "@/components/skip-link";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("appDescription") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request's nonce renders every page per request, which the CSP
  // in proxy.ts needs: Next.js stamps that nonce on its scripts.
  await headers();
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <ClientMessages>
          <TimeZoneCookie />
          <SkipLink />
          {children}
        </ClientMessages>
      </body>
    </html>
  );
}
