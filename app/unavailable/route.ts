import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

export const dynamic = "force-dynamic";

const RETRY_SECONDS = 15;

/**
 * The visitor's language without the database (which is down, so no saved
 * choice): the language cookie the switcher sets, else Accept-Language.
 */
function pageText(request: Request) {
  const cookie = request.headers
    .get("cookie")
    ?.split(/;\s*/)
    .find((entry) => entry.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  const locale = resolveLocale({ cookie, acceptLanguage: request.headers.get("accept-language") });
  const t = translatorFor(locale, "errors");
  return {
    locale,
    title: t("unavailableTitle"),
    heading: t("unavailableHeading"),
    body: t("unavailableBody"),
    retrying: t("unavailableRetrying", { seconds: RETRY_SECONDS }),
    retry: t("tryAgain"),
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * Where a request lands when the session could not be checked because the
 * database is down: an honest 503 (so monitors and proxies see an outage,
 * not a logout or a 200), with the session cookie left alone. A route handler
 * rather than a page, because pages cannot choose their status code. It
 * needs nothing from the database, and `from` passes the same check as a
 * login callback, so it can only lead back into this site.
 */
export function GET(request: Request) {
  const from = safeCallbackPath(new URL(request.url).searchParams.get("from"));
  const target = escapeHtml(from);
  const TEXT = pageText(request);
  const html = `<!doctype html>
<html lang="${TEXT.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_SECONDS};url=${target}">
<title>${escapeHtml(TEXT.title)}</title>
<style>
body{margin:0;font-family:system-ui,sans-serif;color:#0f172a;background:#f8fafc}
main{max-width:32rem;margin:0 auto;min-height:100vh;display:flex;flex-direction:column;justify-content:center;gap:1rem;padding:0 1.5rem;text-align:center}
h1{font-size:1.5rem;margin:0 0 1rem}p{margin:0 0 .5rem;color:#475569}
a{align-self:center;background:#2563eb;color:#fff;border-radius:.375rem;padding:.5rem 1rem;text-decoration:none;font-weight:500}
</style>
</head>
<body>
<main>
<div role="alert">
<h1>${escapeHtml(TEXT.heading)}</h1>
<p>${escapeHtml(TEXT.body)}</p>
<p>${escapeHtml(TEXT.retrying)}</p>
</div>
<a href="${target}">${escapeHtml(TEXT.retry)}</a>
</main>
</body>
</html>`;
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(RETRY_SECONDS), "cache-control": "no-store" },
  });
}
