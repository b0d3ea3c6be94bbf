import { request, type Dispatcher } from "undici";
import { BenchFailure } from "./bench-load";

type CookieJar = Map<string, string>;

function keepCookies(jar: CookieJar, setCookie: string | string[] | undefined) {
  for (const line of [setCookie ?? []].flat()) {
    const pair = line.split(";", 1)[0]!;
    const equals = pair.indexOf("=");
    if (equals > 0) jar.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
  }
}

const cookieHeader = (jar: CookieJar) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/**
 * Logs in the way the login form does, through next-auth's credentials flow:
 * a CSRF token (and its cookie), then the credentials callback, which answers
 * with the session cookie. Resolves to the Cookie header a browser would send.
 */
export async function logInOverHttp(baseUrl: string, email: string, password: string, dispatcher: Dispatcher): Promise<string> {
  const jar: CookieJar = new Map();
  const csrf = await request(`${baseUrl}/api/auth/csrf`, { dispatcher });
  if (csrf.statusCode !== 200) throw new BenchFailure(`GET /api/auth/csrf answered ${csrf.statusCode}, expected 200.`);
  const { csrfToken } = (await csrf.body.json()) as { csrfToken: string };
  keepCookies(jar, csrf.headers["set-cookie"]);

  const callback = await request(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    dispatcher,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  // With json=true next-auth answers { url } instead of redirecting; a failed login's url carries ?error=.
  const answer = await callback.body.text();
  keepCookies(jar, callback.headers["set-cookie"]);
  if (![...jar.keys()].some((name) => name.startsWith("next-auth.session-token"))) {
    throw new BenchFailure(`Logging in as ${email} set no session cookie (HTTP ${callback.statusCode}: ${answer.slice(0, 200)}).`);
  }
  return cookieHeader(jar);
}
