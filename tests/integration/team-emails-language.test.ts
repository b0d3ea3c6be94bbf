import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { sendAccountExistsNotice, sendVerificationEmail, verifyEmail } from "@/lib/auth/email-verification";
import { escapeHtml } from "@/lib/email/compose-mail";
import { translatorFor } from "@/lib/i18n/translator";
import { createInvite } from "@/lib/team/create-invite";
import { sendInviteEmail } from "@/lib/team/send-invite-email";
import { closeRateLimiters } from "@/lib/rate-limit/limiter-store";
import { startMailSink, type MailSink } from "@/scripts/lib/mail-sink";
import { createUser, createWorkspaceWith, uniqueEmail } from "../support/team-fixtures";

// Expected wording comes from the catalogs (translatorFor reads messages/<locale>/*.json).
const trEmails = translatorFor("tr", "emails");
const enEmails = translatorFor("en", "emails");

let sink: MailSink;
beforeAll(async () => {
  await closeRateLimiters();
  sink = await startMailSink({ webPort: null });
  process.env.SMTP_URL = sink.smtpUrl;
  process.env.NEXTAUTH_URL = "http://portal.test";
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await closeRateLimiters();
  await sink.stop();
});

/** Everything written to the console while `run` runs, so a test can prove a token never reached the logs. */
async function consoleOutput(run: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const spies = (["log", "info", "warn", "error", "debug"] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" "))),
  );
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines.join("\n");
}
afterEach(() => vi.restoreAllMocks());

const mailTo = (email: string) => sink.messages().filter((mail) => mail.to.includes(email));

async function pendingInvite(workspaceName: string, email: string) {
  const owner = await createUser("owner");
  const workspace = await createWorkspaceWith(workspaceName, [{ userId: owner.id, role: "owner" }]);
  const issued = await createInvite({ workspaceId: workspace.id, actorId: owner.id, email, role: "viewer" });
  if (!issued.ok) throw new Error(`invite refused: ${issued.reason}`);
  return { issued, workspace };
}

describe("the invitation email", () => {
  it("is written in Turkish for a Turkish inviter, subject, text and HTML, with the Turkish role name", async () => {
    const email = uniqueEmail("davetli");
    const { issued, workspace } = await pendingInvite("Irmak İletişim", email);
    const logs = await consoleOutput(() => sendInviteEmail({ ...issued, workspaceName: workspace.name, inviterName: "Işıl", locale: "tr" }));

    const [mail] = mailTo(email);
    const role = translatorFor("tr", "common")("roles.viewer");
    expect(mail!.subject).toBe(trEmails("invite.subject", { workspace: "Irmak İletişim" }));
    expect(mail!.text).toContain(trEmails("invite.intro", { inviter: "Işıl", workspace: "Irmak İletişim", role }));
    expect(mail!.text).toContain(`${trEmails("invite.link")}: http://portal.test/invite/${issued.token}`);
    expect(mail!.text).toContain(trEmails("invite.closing"));
    expect(mail!.text).toMatch(/\d{1,2} [A-Za-zÇçĞğİıÖöŞşÜü]+ \d{4} \d{2}:\d{2} UTC/);
    expect(mail!.html).toContain(escapeHtml(trEmails("invite.link")));
    expect(mail!.html).toContain(escapeHtml(trEmails("invite.intro", { inviter: "Işıl", workspace: "Irmak İletişim", role })));
    expect(mail!.text).not.toContain(enEmails("invite.closing"));
    expect(logs).not.toContain(issued.token);
  });

  it("follows the invitee's own saved language when they already have an account", async () => {
    const invitee = await createUser("known");
    await db.user.update({ where: { id: invitee.id }, data: { locale: "tr" } });
    const { issued, workspace } = await pendingInvite("Saved Language Co", invitee.email);
    // No locale given and no request: without the invitee's choice this would be English.
    expect(await sendInviteEmail({ ...issued, workspaceName: workspace.name, inviterName: "Olivia" })).toBe("sent");
    expect(mailTo(invitee.email)[0]!.subject).toBe(trEmails("invite.subject", { workspace: "Saved Language Co" }));
  });

  it("stays in English for an English inviter", async () => {
    const email = uniqueEmail("english");
    const { issued, workspace } = await pendingInvite("English Co", email);
    await sendInviteEmail({ ...issued, workspaceName: workspace.name, inviterName: "Olivia", locale: "en" });
    const [mail] = mailTo(email);
    expect(mail!.subject).toBe("You're invited to English Co on Yazsana Portal");
    expect(mail!.text).toContain("Olivia invited you to join English Co on Yazsana Portal as Viewer.");
  });
});

describe("the email confirmation", () => {
  it("is written in the sign-up language, and its link works", async () => {
    const user = await createUser("onay", { verified: false });
    let outcome: unknown;
    const logs = await consoleOutput(async () => (outcome = await sendVerificationEmail(user, "tr")));
    expect(outcome).toBe("sent");

    const [mail] = mailTo(user.email);
    expect(mail!.subject).toBe(trEmails("verify.subject"));
    expect(mail!.text).toContain(trEmails("verify.greeting", { name: user.name }));
    expect(mail!.text).toContain(trEmails("verify.closing"));
    expect(mail!.html).toContain(escapeHtml(trEmails("verify.link")));
    const token = new URL(mail!.links.find((link) => link.startsWith("http://portal.test/verify-email/"))!).pathname.split("/").pop()!;
    expect(logs).not.toContain(token);
    expect(await verifyEmail(token)).toBe("verified");
  });

  it("is English when English is asked for", async () => {
    const user = await createUser("confirm", { verified: false });
    await sendVerificationEmail(user, "en");
    const [mail] = mailTo(user.email);
    expect(mail!.subject).toBe("Confirm your email for Yazsana Portal");
    expect(mail!.text).toContain(`Confirm that ${user.email} is your email address for Yazsana Portal.`);
  });

  it("tells an existing account about a sign-up attempt in the account's language, not the form's", async () => {
    const owner = await createUser("exists");
    await db.user.update({ where: { id: owner.id }, data: { locale: "tr" } });
    await sendAccountExistsNotice(owner.email, "en");
    const [mail] = mailTo(owner.email);
    expect(mail!.subject).toBe(trEmails("accountExists.subject"));
    expect(mail!.text).toContain(trEmails("accountExists.body"));
  });
});
