import { randomBytes } from "node:crypto";
import type { Session } from "next-auth";
import { decode, encode, type JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/auth-options";
import { db } from "@/lib/db/client";
import { createAccount } from "@/lib/auth/create-account";
import { changePassword, revokeAllSessions } from "@/lib/auth/manage-account";
import { LOGIN_RATE_LIMIT, verifyCredentials } from "@/lib/auth/verify-credentials";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";

const PASSWORD = "correct horse battery";
let counter = 0;
const uniqueEmail = () => `person${++counter}-${Date.now()}@example.com`;

async function newAccount(email = uniqueEmail()) {
  const result = await createAccount({ name: "Ayşe Yılmaz", email, password: PASSWORD, workspaceName: "Acme" });
  if (!result.ok) throw new Error("account not created");
  return { ...result, email };
}

describe("sign-up", () => {
  it("creates the user, an owned workspace and an audit event together", async () => {
    const { userId, workspaceId } = await newAccount();
    const membership = await db.membership.findUniqueOrThrow({ where: { userId_workspaceId: { userId, workspaceId } } });
    expect(membership.role).toBe("owner");
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } });
    expect(user.currentWorkspaceId).toBe(workspaceId);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
    const events = await db.auditEvent.findMany({ where: { workspaceId } });
    expect(events.map((event) => event.action)).toEqual(["workspace.created"]);
  });

  it("treats emails case-insensitively and refuses a second account for the same address", async () => {
    const email = uniqueEmail();
    await newAccount(email.toUpperCase());
    const second = await createAccount({ name: "B", email, password: PASSWORD, workspaceName: "Other" });
    expect(second).toEqual({ ok: false, reason: "email_taken" });
    expect(await db.workspace.count({ where: { name: "Other" } })).toBe(0);
  });
});

describe("login", () => {
  it("accepts the right password whatever the email's case", async () => {
    const { email, userId } = await newAccount();
    const result = await verifyCredentials({ email: email.toUpperCase(), password: PASSWORD });
    expect(result).toMatchObject({ ok: true, user: { id: userId, email } });
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const { email } = await newAccount();
    const wrongPassword = await verifyCredentials({ email, password: "not the password" });
    const unknownEmail = await verifyCredentials({ email: uniqueEmail(), password: PASSWORD });
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid" });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("locks an email out after too many failures, even with the right password", async () => {
    const { email } = await newAccount();
    for (let attempt = 0; attempt < LOGIN_RATE_LIMIT.limit; attempt++) {
      await verifyCredentials({ email, password: "wrong password!" });
    }
    const result = await verifyCredentials({ email, password: PASSWORD });
    expect(result).toMatchObject({ ok: false, reason: "rate_limited" });
    if (!result.ok && result.reason === "rate_limited") expect(result.retryAfterSeconds).toBeGreaterThan(0);
  });
});

// Session tokens made and read the way next-auth does with our authOptions.
const SESSION_SECRET = randomBytes(32).toString("base64url");
const { jwt: jwtCallback, session: sessionCallback } = authOptions.callbacks!;

/** Logs in as the credentials provider does and returns the session cookie's value. */
async function sessionTokenAfterLogin(email: string, password: string): Promise<string> {
  const login = await verifyCredentials({ email, password });
  if (!login.ok) throw new Error(`login refused: ${login.reason}`);
  const { user } = login;
  const token = await jwtCallback!({ token: { sub: user.id, email: user.email, name: user.name }, user, account: null, trigger: "signIn" });
  return encode({ token, secret: SESSION_SECRET });
}

/**
 * What next-auth's session read (`/api/auth/session`, getServerSession) makes
 * of a token: decrypt it, run the jwt callback, then the session callback.
 * The signed-in user, or null when the token is refused.
 */
async function userOfSessionToken(sessionToken: string): Promise<Session["user"] | null> {
  const decoded = await decode({ token: sessionToken, secret: SESSION_SECRET });
  if (!decoded) return null;
  const token: JWT = await jwtCallback!({ token: decoded } as Parameters<NonNullable<typeof jwtCallback>>[0]);
  const empty = { expires: new Date(Date.now() + 60_000).toISOString() };
  const session = (await sessionCallback!({ session: empty, token } as Parameters<NonNullable<typeof sessionCallback>>[0])) as Session;
  return session.user ?? null;
}

describe("sessions and passwords", () => {
  it("changing the password needs the current one and refuses every session token issued before", async () => {
    const { userId, email } = await newAccount();
    const oldToken = await sessionTokenAfterLogin(email, PASSWORD);
    const otherBrowserToken = await sessionTokenAfterLogin(email, PASSWORD);
    expect(await userOfSessionToken(oldToken)).toMatchObject({ id: userId, email });

    expect(await changePassword(userId, "wrong current", "a brand new passphrase")).toMatchObject({ ok: false, field: "currentPassword" });
    expect(await changePassword(userId, PASSWORD, "password123")).toMatchObject({ ok: false, field: "newPassword" });
    // A refused change ends nothing.
    expect(await userOfSessionToken(oldToken)).toMatchObject({ id: userId });

    expect(await changePassword(userId, PASSWORD, "a brand new passphrase")).toEqual({ ok: true });
    expect(await userOfSessionToken(oldToken)).toBeNull();
    expect(await userOfSessionToken(otherBrowserToken)).toBeNull();
    expect(await verifyCredentials({ email, password: PASSWORD })).toMatchObject({ ok: false });
    const newToken = await sessionTokenAfterLogin(email, "a brand new passphrase");
    expect(await userOfSessionToken(newToken)).toMatchObject({ id: userId, email });
  });

  it("log out everywhere refuses every session token issued before, and a new login works", async () => {
    const { userId, email } = await newAccount();
    const tokens = [await sessionTokenAfterLogin(email, PASSWORD), await sessionTokenAfterLogin(email, PASSWORD)];
    for (const token of tokens) expect(await userOfSessionToken(token)).toMatchObject({ id: userId });

    await revokeAllSessions(userId);
    for (const token of tokens) expect(await userOfSessionToken(token)).toBeNull();
    expect(await userOfSessionToken(await sessionTokenAfterLogin(email, PASSWORD))).toMatchObject({ id: userId, email });
  });
});

describe("rate limits in Postgres", () => {
  it("counts within a window and starts over after it", async () => {
    // A window far longer than the test, so a slow machine can't split the three attempts across two windows.
    const rule = { limit: 2, windowSeconds: 3600 };
    const key = `test:${randomBytes(6).toString("hex")}`;
    expect((await consumeRateLimit(key, rule)).allowed).toBe(true);
    expect((await consumeRateLimit(key, rule)).allowed).toBe(true);
    const refused = await consumeRateLimit(key, rule);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(3500);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(3600);
    // The window passes: the bucket is moved back in time instead of the test waiting an hour.
    await db.$executeRaw`UPDATE rate_limit_buckets SET window_start = window_start - make_interval(secs => 3600) WHERE key = ${key}`;
    expect((await consumeRateLimit(key, rule)).allowed).toBe(true);
    expect((await consumeRateLimit(key, rule)).allowed).toBe(true);
    expect((await consumeRateLimit(key, rule)).allowed).toBe(false);
  });
});
