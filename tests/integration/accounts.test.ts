import { randomBytes } from "node:crypto";
import * as argon2 from "@node-rs/argon2";
import type { Session } from "next-auth";
import { decode, encode, type JWT } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/auth-options";
import { v } from "@/lib/i18n/validation";
import { db } from "@/lib/db/client";
import { createAccount } from "@/lib/auth/create-account";
import { changePassword, revokeAllSessions } from "@/lib/auth/manage-account";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { rateLimitRules } from "@/lib/rate-limit/rate-limit-rules";
import { changePasswordInput, MAX_PASSWORD_LENGTH, signUpInput } from "@/lib/auth/schemas";

// The real argon2, watched: some inputs must be refused before any hashing.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...real, hash: vi.fn(real.hash), verify: vi.fn(real.verify) };
});

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
    for (let attempt = 0; attempt < rateLimitRules().loginFailuresByEmailAndIp.points; attempt++) {
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

describe("work done before hashing", () => {
  const tooLong = "x".repeat(MAX_PASSWORD_LENGTH + 1);
  beforeEach(() => {
    vi.mocked(argon2.hash).mockClear();
    vi.mocked(argon2.verify).mockClear();
  });

  it("refuses an over-long password at login without hashing it", async () => {
    const { email } = await newAccount();
    vi.mocked(argon2.verify).mockClear();
    expect(await verifyCredentials({ email, password: tooLong })).toEqual({ ok: false, reason: "invalid" });
    expect(argon2.verify).not.toHaveBeenCalled();
  });

  it("refuses an over-long password at sign-up and password change with a clear message", () => {
    const signUp = signUpInput.safeParse({ name: "A", email: "a@example.com", password: tooLong, workspaceName: "Acme" });
    expect(signUp.success ? [] : signUp.error.issues.map((issue) => issue.message)).toEqual([v("tooLong")]);
    expect(changePasswordInput.safeParse({ currentPassword: tooLong, newPassword: "a fine passphrase", confirmPassword: "a fine passphrase" }).success).toBe(false);
  });

  it("answers a taken email without hashing the password", async () => {
    const { email } = await newAccount();
    vi.mocked(argon2.hash).mockClear();
    expect(await createAccount({ name: "B", email, password: PASSWORD, workspaceName: "Other" })).toEqual({ ok: false, reason: "email_taken" });
    expect(argon2.hash).not.toHaveBeenCalled();
  });
});
