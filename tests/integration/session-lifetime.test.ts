import { describe, expect, it } from "vitest";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/auth-options";
import { createAccount } from "@/lib/auth/create-account";

/** Security review finding 11: every request checks the session's idle and absolute limits. */

type SessionArgs = { session: Session; token: JWT };
const sessionCallback = authOptions.callbacks!.session! as unknown as (args: SessionArgs) => Promise<Session>;
const jwtCallback = authOptions.callbacks!.jwt! as unknown as (args: { token: JWT; user?: unknown }) => Promise<JWT> | JWT;
const now = () => Math.floor(Date.now() / 1000);

async function newUser() {
  const result = await createAccount({ name: "Mert", email: `session${Date.now()}${Math.random()}@example.com`, password: "correct horse battery", workspaceName: "Acme" });
  if (!result.ok) throw new Error("account not created");
  return result.userId;
}

function read(token: JWT) {
  return sessionCallback({ session: { expires: "", user: { id: "", email: "", name: "" }, currentWorkspaceId: null, preferences: { locale: null, timeZone: null } }, token });
}

describe("the session callback", () => {
  it("keeps a session used within the idle timeout and its lifetime", async () => {
    const sub = await newUser();
    const session = await read({ sub, sessionVersion: 1, authTime: now() - 3 * 3600, lastSeen: now() - 30 * 60 });
    expect(session.user?.id).toBe(sub);
  });

  it("ends a session idle for longer than the timeout (60 minutes by default)", async () => {
    const sub = await newUser();
    const session = await read({ sub, sessionVersion: 1, authTime: now() - 2 * 3600, lastSeen: now() - 61 * 60 });
    expect(session.user).toBeUndefined();
    expect(new Date(session.expires).getTime()).toBe(0);
  });

  it("ends a session older than its absolute lifetime (12 hours by default), however active", async () => {
    const sub = await newUser();
    const session = await read({ sub, sessionVersion: 1, authTime: now() - 12 * 3600 - 60, lastSeen: now() - 5 });
    expect(session.user).toBeUndefined();
  });

  it("ends a token issued without the claims (before this check existed)", async () => {
    const sub = await newUser();
    expect((await read({ sub, sessionVersion: 1 })).user).toBeUndefined();
  });

  it("stamps the login time at sign-in, and never refreshes a lapsed token", async () => {
    const signedIn = await jwtCallback({ token: { sub: "u" }, user: { id: "u", email: "e", name: "n", sessionVersion: 3 } });
    expect(signedIn).toMatchObject({ sessionVersion: 3, authTime: expect.any(Number), lastSeen: signedIn.authTime });
    const lapsed = { sub: "u", sessionVersion: 3, authTime: now() - 7200, lastSeen: now() - 7000 };
    expect(await jwtCallback({ token: { ...lapsed } })).toEqual(lapsed);
  });
});
