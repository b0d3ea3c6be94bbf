import { safeCallbackPath } from "@/lib/auth/safe-callback";

export const dynamic = "force-dynamic";

const RETRY_SECONDS = 15;

const TEXT = {
  title: "Temporarily unavailable · Yazsana Portal",
  heading: "Yazsana Portal is temporarily unavailable",
  body: "We can't reach our database right now. You are still signed in and nothing was changed.",
  retrying: `This page tries again by itself every ${RETRY_SECONDS} seconds.`,
  retry: "Try again",
} as const;

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
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_SECONDS};url=${target}">
<title>${TEXT.title}</title>
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
<h1>${TEXT.heading}</h1>
<p>${TEXT.body}</p>
<p>${TEXT.retrying}</p>
</div>
<a href="${target}">${TEXT.retry}</a>
</main>
</body>
</html>`;
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(RETRY_SECONDS), "cache-control": "no-store" },
  });
}
