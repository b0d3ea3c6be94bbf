import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordSignIn } from "@/lib/audit/record-sign-in";
import { clientIp } from "./client-ip";
import { loadSessionUser } from "./load-session-user";
import { describeErrorForLog } from "@/lib/log/describe-error-for-log";
import { LOGIN_ERROR, rateLimitedLoginError } from "./login-errors";
import { nowInSeconds, sessionLapsed, sessionLifetime } from "./session-lifetime";
import { verifyCredentials } from "./verify-credentials";
import { componentLogger } from "@/lib/log/logger";

const log = componentLogger("auth");

export const authOptions: NextAuthOptions = {
  // The token and cookie live no longer than the absolute lifetime; the idle
  // timeout is checked from the token's lastSeen claim (see session-lifetime.ts).
  session: { strategy: "jwt", maxAge: sessionLifetime().absoluteSeconds },
  // Errors land on the login page (with one of our codes), not next-auth's own error page.
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        let result;
        try {
          result = await verifyCredentials(credentials, clientIp(request?.headers?.["x-forwarded-for"]));
        } catch (error) {
          // next-auth puts a thrown message into the redirect URL (?error=…):
          // only our own codes may get there, never a database error's text.
          log.error({ error: describeErrorForLog(error) }, "login check failed");
          throw new Error(LOGIN_ERROR.unavailable);
        }
        if (result.ok) return result.user;
        if (result.reason === "rate_limited") throw new Error(rateLimitedLoginError(result.retryAfterSeconds));
        throw new Error(LOGIN_ERROR.invalid);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      const now = nowInSeconds();
      if (user) {
        token.sessionVersion = user.sessionVersion;
        token.authTime = now;
        token.lastSeen = now;
      } else if (!sessionLapsed(token, now)) {
        // Where next-auth writes the cookie back (its /api/auth routes), this
        // use counts; a lapsed token is left as it is for the check below.
        token.lastSeen = now;
      }
      return token;
    },
    // Every server-side session read (getCurrentUser) and /api/auth/session
    // pass through here: the user is re-read from the database, so a revoked
    // session (password changed, "log out everywhere") ends at once and a new
    // name shows at once. A session past its idle timeout or absolute
    // lifetime ends here too, whatever the cookie's own expiry says.
    async session({ session, token }) {
      const live = token.sub && !sessionLapsed(token, nowInSeconds());
      let user;
      try {
        user = live ? await loadSessionUser(token.sub!, token.sessionVersion) : null;
      } catch (error) {
        // A database outage is not a logout: throwing here would make next-auth
        // clear the cookie. Answer "unknown" instead; getCurrentUser turns it
        // into the temporarily-unavailable page and the session survives.
        log.error({ error: describeErrorForLog(error) }, "session check failed");
        return { expires: session.expires, unavailable: true } as typeof session;
      }
      if (!user) return { expires: new Date(0).toISOString() } as typeof session;
      session.user = { id: user.id, email: user.email, name: user.name };
      session.currentWorkspaceId = user.currentWorkspaceId;
      session.preferences = { locale: user.locale, timeZone: user.timeZone };
      return session;
    },
  },
  events: {
    // A failed audit write must not turn a correct password into a failed login.
    async signIn({ user }) {
      await recordSignIn(user.id).catch((error: unknown) => log.error({ error: describeErrorForLog(error) }, "sign-in not recorded in the audit log"));
    },
  },
  logger: {
    // next-auth's default logger prints whole error objects; keep only codes.
    error: (code) => log.error({ code }, "next-auth error"),
    warn: (code) => log.warn({ code }, "next-auth warning"),
    debug: () => {},
  },
};
