import "server-only";
import { cookies } from "next/headers";
import { SESSION_COOKIES } from "./refresh-session-cookie";

/**
 * Logs this browser out. Sessions are next-auth JWTs that live only in their
 * cookie, so removing the cookie is all next-auth's own sign-out does too
 * (other browsers are logged out by "Log out everywhere", which bumps the
 * session version). The replacement carries the original's attributes: a
 * `__Secure-` cookie can only be overwritten by one marked Secure.
 */
export async function clearSessionCookie(): Promise<void> {
  const store = await cookies();
  for (const name of SESSION_COOKIES) {
    if (!store.has(name)) continue;
    store.set(name, "", { path: "/", httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-"), maxAge: 0 });
  }
}
