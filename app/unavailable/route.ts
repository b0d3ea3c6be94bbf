import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/locales";
import { messages } from "@/messages";

export const dynamic = "force-dynamic";

const RETRY_SECONDS = 15;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

function cookieValue(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

/**
 * Where a request lands when the session could not be checked because the
 * database is down: an honest 503 (so monitors and proxies see an outage,
 * not a logout or a 200), with the session cookie left alone. A route handler
 * rather than a page, because pages cannot choose their status code. It needs
 * nothing from the database — not even the user's saved language, which
 * next-intl's request config would read, so the language comes from the
 * cookie or the browser — and `from` passes the same check as a login
 * callback, so it can only lead back into this site.
 */
export function GET(request: Request) {
  const from = escapeHtml(safeCallbackPath(new URL(request.url).searchParams.get("from")));
  const locale = resolveLocale({ cookie: cookieValue(request, LOCALE_COOKIE), acceptLanguage: request.headers.get("accept-language") });
  const text = messages[locale].outage;
  const appName = messages[locale].common.appName;
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_SECONDS};url=${from}">
<title>${escapeHtml(`${text.pageTitle} · ${appName}`)}</title>
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
<h1>${escapeHtml(text.heading)}</h1>
<p>${escapeHtml(text.body)}</p>
<p>${escapeHtml(text.retrying.replace("{seconds}", String(RETRY_SECONDS)))}</p>
</div>
<a href="${from}">${escapeHtml(text.retry)}</a>
</main>
</body>
</html>`;
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(RETRY_SECONDS), "cache-control": "no-store" },
  });
}
