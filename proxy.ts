import { NextResponse, type NextRequest } from "next/server";
import { checkActionBody } from "@/lib/actions/check-action-body";
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

const isActionCall = (request: NextRequest) => request.method === "POST" && request.headers.has("next-action");

/**
 * Next 16 refuses a server action body over its limit with its own 413 error
 * but answers the request with a 500, and throws (500 again) on a body whose
 * arguments are not a list (lib/actions/check-action-body.ts): both are
 * refused here, before Next decodes them (tests/e2e/bad-input.spec.ts).
 */
async function refuseUnreadableAction(request: NextRequest): Promise<NextResponse | null> {
  const tooLarge = () => new NextResponse("This request is too large, so nothing was changed.", { status: 413 });
  if (Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT_BYTES) return tooLarge();
  const check = await checkActionBody(request, ACTION_BODY_LIMIT_BYTES);
  if (check === "too_large") return tooLarge();
  if (check === "not_a_list") return new NextResponse("This request could not be read, so nothing was changed.", { status: 400 });
  return null;
}

/**
 * Runs before every page. Sets the CSP, records that the session was used
 * (for the idle timeout), and — for convenience only — sends visitors without
 * a session cookie from portal pages to the login page and back afterwards.
 * Every page, action and route handler still authenticates and authorizes on
 * its own.
 */
export async function proxy(request: NextRequest) {
  const refusal = isActionCall(request) ? await refuseUnreadableAction(request) : null;
  if (refusal) return refusal;
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
