import { NextResponse, type NextRequest } from "next/server";
import { refreshSessionCookie, SESSION_COOKIES } from "@/lib/auth/refresh-session-cookie";
const PORTAL_PREFIXES = ["/dashboard", "/settings", "/workspaces", "/services", "/send", "/reports"];

/**
 * A strict Content Security Policy with a fresh nonce per request: Next.js
 * puts the nonce on its own scripts, and 'strict-dynamic' lets those load the
 * rest, so an injected <script> without it never runs. (Dev mode needs eval.)
 */
function contentSecurityPolicy(nonce: string): string {
  const development = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function isPortalPath(pathname: string): boolean {
  return PORTAL_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** Downloads (e.g. /reports/export.csv) are fetched by scripts too: they answer 401 themselves rather than a login page. */
function isDownload(pathname: string): boolean {
  return pathname.endsWith(".csv");
}

/** Next's default `serverActions.bodySizeLimit` (next.config.js sets none). */
const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Next 16 refuses a server action body over its limit with its own 413 error
 * but answers the request with a 500; refused here from the declared length
 * (tests/e2e/bad-input.spec.ts). A chunked body without one still meets Next's check.
 */
function isOversizedAction(request: NextRequest): boolean {
  return request.method === "POST" && request.headers.has("next-action") && Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT_BYTES;
}

/**
 * Runs before every page. Sets the CSP, records that the session was used
 * (for the idle timeout), and — for convenience only — sends visitors without
 * a session cookie from portal pages to the login page and back afterwards.
 * Every page, action and route handler still authenticates and authorizes on
 * its own.
 */
export async function proxy(request: NextRequest) {
  if (isOversizedAction(request)) return new NextResponse("This request is too large, so nothing was changed.", { status: 413 });
  const path = request.nextUrl.pathname + request.nextUrl.search;
  if (isPortalPath(request.nextUrl.pathname) && !isDownload(request.nextUrl.pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", path);
    return NextResponse.redirect(login);
  }
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-portal-path", path);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  await refreshSessionCookie(request, response);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not route handlers, static files or prefetches (which render no scripts of their own).
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
