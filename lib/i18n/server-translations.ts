import "server-only";
import { unstable_rethrow } from "next/navigation";
import { headers } from "next/headers";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { getRequestPreferences } from "./request-preferences";
import { translatorFor, type AppTranslator, type TranslatorNamespace } from "./translator";

/** The request's language; English when there is no request (vitest, scripts). */
export async function getServerLocale(): Promise<Locale> {
  try {
    await headers();
  } catch (error) {
    // Next.js's own signals (dynamic rendering, redirects) must pass; only "outside a request scope" lands here.
    unstable_rethrow(error);
    return DEFAULT_LOCALE;
  }
  return (await getRequestPreferences()).locale;
}

/**
 * A translator in the request's language for server actions and library code
 * (pages use next-intl's getTranslations). Same language resolution as the
 * page; outside a request it answers in English, so actions stay testable.
 */
export async function getServerTranslations<N extends TranslatorNamespace>(namespace: N): Promise<AppTranslator<N>> {
  return translatorFor(await getServerLocale(), namespace);
}
