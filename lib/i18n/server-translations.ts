import "server-only";
import type { Locale } from "./locales";
import { getRequestPreferences } from "./request-preferences";
import { translatorFor, type AppTranslator, type TranslatorNamespace } from "./translator";

/** The request's language; English outside a request (vitest, scripts, the worker). */
export async function getServerLocale(): Promise<Locale> {
  return (await getRequestPreferences()).locale;
}

/**
 * A translator in the request's language for server actions and library code
 * (pages use next-intl's getTranslations). Same language resolution as the
 * page; outside a request it answers in English. Unlike next-intl's server
 * API it needs no Next.js wiring, so it works in scripts too (the demo seed
 * calls lib code that words messages).
 */
export async function getServerTranslations<N extends TranslatorNamespace>(namespace: N): Promise<AppTranslator<N>> {
  return translatorFor(await getServerLocale(), namespace);
}
