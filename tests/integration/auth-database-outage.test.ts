import { describe, expect, it } from "vitest";
import type { CredentialsConfig } from "next-auth/providers/credentials";

// Nothing listens on port 1: the database is down. Set before the Prisma
// singleton is first imported.
process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:1/none";
const { authOptions } = await import("@/lib/auth/auth-options");
const { loginErrorMessage } = await import("@/lib/auth/login-errors");
const { translatorFor } = await import("@/lib/i18n/translator");

const credentials = authOptions.providers[0] as unknown as { options: CredentialsConfig };
const authorize = credentials.options.authorize;
const sessionCallback = authOptions.callbacks!.session!;

describe("a database outage during authentication", () => {
  it("a login attempt fails with our own code, never the database error's text (it ends up in a URL)", async () => {
    const attempt = Promise.resolve(authorize({ email: "ayse@example.com", password: "a long test passphrase" }, { headers: {} } as never));
    const error = await attempt.then(
      () => new Error("expected the login check to fail"),
      (caught: unknown) => caught as Error,
    );
    expect(error.message).toBe("temporarily_unavailable");
    expect(loginErrorMessage(error.message, translatorFor("en", "auth"))).toMatch(/temporarily unavailable/);
  });

  it("a session check answers 'unavailable' instead of ending the session", async () => {
    const expires = new Date(Date.now() + 3_600_000).toISOString();
    const session = await sessionCallback({
      session: { expires, user: { id: "", email: "", name: "" }, currentWorkspaceId: null },
      token: { sub: "9a1c3f0e-8f57-4d43-9e0f-3c3b8f7d2a11", sessionVersion: 0, authTime: Math.floor(Date.now() / 1000), lastSeen: Math.floor(Date.now() / 1000) },
    } as never);
    expect(session).toEqual({ expires, unavailable: true });
  });
});
