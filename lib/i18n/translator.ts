import type { Messages, NamespaceKeys, NestedKeyOf } from "next-intl";
// use-intl's core (what next-intl re-exports) has no React in it, so scripts run
// under the react-server condition (the demo seed) can word messages too.
import { createTranslator } from "use-intl/core";
import { messages } from "@/messages";
import type { Locale } from "./locales";
import { sharedMessageCache } from "./message-format-cache";

export type TranslatorNamespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * A translator for one namespace, e.g. `AppTranslator<"yazsana">`. Library code
 * that produces user-facing sentences takes one as a parameter instead of
 * importing request state: server code passes `await getTranslations("yazsana")`,
 * tests, scripts and emails pass `translatorFor(locale, "yazsana")`.
 */
export type AppTranslator<N extends TranslatorNamespace> = ReturnType<typeof createTranslator<Messages, N>>;

/** A translator outside a request (tests, scripts, emails, CSV for a given user). */
export function translatorFor<N extends TranslatorNamespace>(locale: Locale, namespace: N): AppTranslator<N> {
  return createTranslator({ locale, messages: messages[locale] as Messages, namespace, _cache: sharedMessageCache(locale, undefined) });
}
