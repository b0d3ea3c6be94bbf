import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyEmail } from "@/lib/auth/email-verification";
import { startMailSink, type MailSink } from "@/scripts/lib/mail-sink";
import { signUpAccount } from "@/lib/auth/sign-up";
import { uniqueEmail } from "../support/team-fixtures";

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink({ webPort: null });
  process.env.NEXTAUTH_URL = "http://portal.test";
});
afterAll(() => sink.stop());

// What the sign-up form's action calls (app/(auth)/signup/actions.ts), without a client address.
const signUp = (email: string) => signUpAccount({ name: "Nur", email: email.toLowerCase(), password: "a long test passphrase", workspaceName: "Verify Co" }, undefined);

describe("sign-up with email configured", () => {
  beforeAll(() => {
    process.env.SMTP_URL = sink.smtpUrl;
  });
  afterAll(() => {
    delete process.env.SMTP_URL;
  });

  it("answers the same for a new and an existing email, and mails each owner what applies", async () => {
    const email = uniqueEmail("fresh");
    const first = await signUp(email);
    const again = await signUp(email.toUpperCase());
    expect(first).toEqual({ ok: true, message: `Check your email: we sent a message to ${email}. Open the link in it to confirm your address, then log in.` });
    expect(again).toEqual(first);
    expect(await db.user.count({ where: { email } })).toBe(1);

    const mails = sink.messages().filter((mail) => mail.to.includes(email));
    expect(mails.map((mail) => mail.subject)).toEqual(["Confirm your email for Yazsana Portal", "Your Yazsana Portal account"]);
    expect(mails[1]!.text).toContain("already has an account");

    const link = mails[0]!.links.find((candidate) => candidate.startsWith("http://portal.test/verify-email/"))!;
    const token = new URL(link).pathname.split("/").pop()!;
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeNull();
    expect(await verifyEmail(token)).toBe("verified");
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull();
    expect(await verifyEmail(token)).toBe("used");
    expect(await verifyEmail(token.slice(1) + "A")).toBe("unknown");
    expect(await verifyEmail("short")).toBe("malformed");
    expect(JSON.stringify(await db.emailVerification.findMany())).not.toContain(token);
  });

  it("an expired confirmation link does nothing", async () => {
    const email = uniqueEmail("late");
    await signUp(email);
    const link = sink.messages().find((mail) => mail.to.includes(email))!.links[0]!;
    await db.emailVerification.updateMany({ where: { user: { email } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await verifyEmail(new URL(link).pathname.split("/").pop()!)).toBe("expired");
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeNull();
  });
});

describe("sign-up without email", () => {
  it("works as before: the account is ready and a taken email is named at the field", async () => {
    const email = uniqueEmail("plain");
    expect(await signUp(email)).toEqual({ ok: true, message: "Your workspace is ready." });
    expect(await signUp(email)).toMatchObject({ ok: false, fieldErrors: { email: ["An account with this email already exists. Log in instead."] } });
    expect(sink.messages().filter((mail) => mail.to.includes(email))).toHaveLength(0);
  });
});
