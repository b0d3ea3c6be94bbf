import "server-only";
import { headers } from "next/headers";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { translatorFor, type AppTranslator, type TranslatorNamespace } from "./translator";

/**
 * The request's language; English outside a request (vitest, scripts such as
 * the demo seed, the worker). The request side is loaded only inside a
 * request: it pulls in next-auth and Next's navigation, which scripts can't load.
 */
export async function getServerLocale(): Promise<Locale> {
  try {
    await headers();
  } catch {
    // "called outside a request scope". (Every page is dynamic — the root layout
    // reads headers() first — so no prerendering signal can be swallowed here.)
    return DEFAULT_LOCALE;
  }
  const { getRequestPreferences } = await import("./request-preferences");
  return (await getRequestPreferences()).locale;
}

/**
 * A translator in the request's language for server actions and library code
 * (pages use next-intl's getTranslations). Same language resolution as the
 * page; outside a request it answers in English. Unlike next-intl's server
 * API it needs no Next.js wiring, so it works in scripts too.
 */
export async function getServerTranslations<N extends TranslatorNamespace>(namespace: N): Promise<AppTranslator<N>> {
  return translatorFor(await getServerLocale(), namespace);
}
