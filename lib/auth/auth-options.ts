import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { clientIp } from "./client-ip";
import { verifyCredentials } from "./verify-credentials";

/** Error codes the login form maps to sentences; never details about the account. */
export const LOGIN_ERROR = { invalid: "invalid_credentials", rateLimited: "rate_limited" } as const;

async function sessionIsCurrent(userId: string, sessionVersion: number | undefined): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return !!user && user.sessionVersion === sessionVersion;
}

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
        if (result.reason === "rate_limited") throw new Error(`${LOGIN_ERROR.rateLimited}:${result.retryAfterSeconds}`);
        throw new Error(LOGIN_ERROR.invalid);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sessionVersion = user.sessionVersion;
      return token;
    },
    async session({ session, token }) {
      // A revoked session (password changed, "log out everywhere") must not
      // keep answering /api/auth/session with who the user is.
      if (!token.sub || !(await sessionIsCurrent(token.sub, token.sessionVersion))) {
        return { expires: new Date(0).toISOString() } as typeof session;
      }
      session.user = { id: token.sub, email: token.email ?? "", name: token.name ?? "" };
      session.sessionVersion = token.sessionVersion ?? 0;
      return session;
    },
  },
  logger: {
    // next-auth's default logger prints whole error objects; keep only codes.
    error: (code) => console.error(`[auth] ${code}`),
    warn: (code) => console.warn(`[auth] ${code}`),
    debug: () => {},
  },
};
