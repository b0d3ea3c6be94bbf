import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordSignIn } from "@/lib/audit/record-sign-in";
import { describeErrorForLog } from "@/lib/log/describe-error-for-log";
import { clientIp } from "./client-ip";
import { loadSessionUser } from "./load-session-user";
import { LOGIN_ERROR, rateLimitedLoginError } from "./login-errors";
import { verifyCredentials } from "./verify-credentials";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const result = await verifyCredentials(credentials, clientIp(request?.headers?.["x-forwarded-for"]));
        if (result.ok) return result.user;
        if (result.reason === "rate_limited") throw new Error(rateLimitedLoginError(result.retryAfterSeconds));
        throw new Error(LOGIN_ERROR.invalid);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sessionVersion = user.sessionVersion;
      return token;
    },
    // Every server-side session read (getCurrentUser) and /api/auth/session
    // pass through here: the user is re-read from the database, so a revoked
    // session (password changed, "log out everywhere") ends at once and a new
    // name shows at once.
    async session({ session, token }) {
      const user = token.sub ? await loadSessionUser(token.sub, token.sessionVersion) : null;
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
      await recordSignIn(user.id).catch((error: unknown) => console.error(`[audit] sign-in not recorded: ${describeErrorForLog(error)}`));
    },
  },
  logger: {
    // next-auth's default logger prints whole error objects; keep only codes.
    error: (code) => console.error(`[auth] ${code}`),
    warn: (code) => console.warn(`[auth] ${code}`),
    debug: () => {},
  },
};
