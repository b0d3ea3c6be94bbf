import { _createCache } from "use-intl/core";

type IntlCache = ReturnType<typeof _createCache>;

/**
 * Compiled ICU messages, kept across requests. next-intl hands every request
 * (and every translatorFor call) a fresh cache, so each page parsed every
 * message it shows with arguments again: a tenth of /reports' translation
 * time. A compiled message depends only on its text, the language and the time
 * zone (use-intl keys its cache by all three), so one cache per language and
 * zone is safe to share. Bounded: two languages times the zones our users
 * pick; past the bound it starts over. Only `message` is filled: the request
 * config keeps next-intl's own per-request formatters.
 *
 * In the Next.js build the catalogs arrive compiled (next.config.js): nothing
 * is parsed there and this cache stays empty. The worker, scripts and tests
 * load the JSON as it is and still parse each message once here.
 */
const MAX_CACHES = 200;
const caches = new Map<string, IntlCache>();

export function sharedMessageCache(locale: string, timeZone: string | undefined): IntlCache {
  const key = `${locale}|${timeZone ?? ""}`;
  let cache = caches.get(key);
  if (!cache) {
    if (caches.size >= MAX_CACHES) caches.clear();
    cache = _createCache();
    caches.set(key, cache);
  }
  return cache;
}
