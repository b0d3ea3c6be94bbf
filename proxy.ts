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

/**
 * Runs before every page. Sets the CSP, records that the session was used
 * (for the idle timeout), and — for convenience only — sends visitors without
 * a session cookie from portal pages to the login page and back afterwards.
 * Every page, action and route handler still authenticates and authorizes on
 * its own.
 */
export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname + request.nextUrl.search;
  if (isPortalPath(request.nextUrl.pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
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
