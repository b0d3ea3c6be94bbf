import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hashOneTimeToken } from "@/lib/crypto/one-time-token";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { acceptInvite } from "@/lib/team/accept-invite";
import { changeMemberRole } from "@/lib/team/change-member-role";
import { createInvite } from "@/lib/team/create-invite";
import { inspectInvite } from "@/lib/team/inspect-invite";
import { leaveWorkspace, removeMember } from "@/lib/team/remove-member";
import { resendInvite } from "@/lib/team/resend-invite";
import { revokeInvite } from "@/lib/team/revoke-invite";
import { sendInviteEmail } from "@/lib/team/send-invite-email";
import { signUpWithInvite } from "@/lib/team/sign-up-with-invite";
import { transferOwnership } from "@/lib/team/transfer-ownership";
import { closeRateLimiters } from "@/lib/rate-limit/limiter-store";
import { startMailSink, type MailSink } from "@/scripts/lib/mail-sink";
import { createUser, createWorkspaceWith, membershipOf, uniqueEmail } from "../support/team-fixtures";

let sink: MailSink;
beforeAll(async () => {
  // Limits are read when the limiters are made: three invitations a day per workspace here (no test needs more).
  process.env.INVITE_DAILY_LIMIT = "3";
  await closeRateLimiters();
  sink = await startMailSink({ webPort: null });
  process.env.SMTP_URL = sink.smtpUrl;
  process.env.NEXTAUTH_URL = "http://portal.test";
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.INVITE_DAILY_LIMIT;
  await closeRateLimiters();
  await sink.stop();
});

async function ownedWorkspace(name = "Team Co") {
  const owner = await createUser("owner");
  const workspace = await createWorkspaceWith(name, [{ userId: owner.id, role: "owner" }]);
  return { owner, workspace };
}

async function invite(workspaceId: string, actorId: string, email = uniqueEmail("invitee"), role: "admin" | "sender" | "viewer" = "sender") {
  const result = await createInvite({ workspaceId, actorId, email, role });
  if (!result.ok) throw new Error(`invite refused: ${result.reason}`);
  return result;
}

const tokenFromLink = (link: string) => new URL(link).pathname.split("/").pop()!;

describe("invitations", () => {
  it("emails a link through real SMTP that the invitee follows to join with the invited role", async () => {
    const { owner, workspace } = await ownedWorkspace("Mail Co");
    const issued = await invite(workspace.id, owner.id);
    expect(await sendInviteEmail({ ...issued, workspaceName: workspace.name, inviterName: "Olivia" })).toBe("sent");

    const mail = sink.messages().find((message) => message.to.includes(issued.email))!;
    expect(mail.subject).toBe("You're invited to Mail Co on Yazsana Portal");
    expect(mail.text).toContain("Olivia invited you to join Mail Co on Yazsana Portal as Sender.");
    expect(mail.text).toMatch(/expires on \d+ \w+ \d{4} at \d{2}:\d{2} UTC/);
    expect(mail.html).toContain("<a href=\"http://portal.test/invite/");
    const link = mail.links.find((candidate) => candidate.startsWith("http://portal.test/invite/"))!;
    expect(tokenFromLink(link)).toBe(issued.token);

    // Only the hash is stored.
    const stored = await db.invite.findUniqueOrThrow({ where: { id: issued.inviteId } });
    expect(stored.tokenHash).toBe(hashOneTimeToken(issued.token));
    expect(JSON.stringify(stored)).not.toContain(issued.token);

    const joined = await signUpWithInvite({ token: tokenFromLink(link), name: "Ivy", password: "a long test passphrase" });
    expect(joined).toMatchObject({ ok: true, email: issued.email, workspaceId: workspace.id });
    const user = await db.user.findUniqueOrThrow({ where: { email: issued.email } });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.currentWorkspaceId).toBe(workspace.id);
    expect((await membershipOf(user.id, workspace.id))?.role).toBe("sender");
    const audit = await db.auditEvent.findMany({ where: { workspaceId: workspace.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["invite.sent", "invite.accepted"]);
    expect(JSON.stringify(audit)).not.toContain(issued.token);
  });

  it("refuses existing members and emails with a pending invitation", async () => {
    const { owner, workspace } = await ownedWorkspace();
    expect(await createInvite({ workspaceId: workspace.id, actorId: owner.id, email: owner.email.toUpperCase(), role: "viewer" })).toEqual({
      ok: false,
      reason: "already_member",
    });
    const first = await invite(workspace.id, owner.id);
    expect(await createInvite({ workspaceId: workspace.id, actorId: owner.id, email: first.email, role: "admin" })).toEqual({ ok: false, reason: "already_invited" });
  });

  it("caps pending invitations and invitations per day, as configured", async () => {
    const { owner, workspace } = await ownedWorkspace();
    process.env.INVITE_MAX_PENDING = "2";
    try {
      const first = await invite(workspace.id, owner.id);
      await invite(workspace.id, owner.id);
      expect(await createInvite({ workspaceId: workspace.id, actorId: owner.id, email: uniqueEmail("x"), role: "viewer" })).toEqual({
        ok: false,
        reason: "too_many_pending",
      });
      expect(await revokeInvite({ workspaceId: workspace.id, actorId: owner.id, inviteId: first.inviteId })).toMatchObject({ ok: true });
      await invite(workspace.id, owner.id);
      await db.invite.updateMany({ where: { workspaceId: workspace.id }, data: { status: "revoked" } });
      expect(await createInvite({ workspaceId: workspace.id, actorId: owner.id, email: uniqueEmail("x"), role: "viewer" })).toMatchObject({
        ok: false,
        reason: "daily_limit",
      });
      expect(await db.invite.count({ where: { workspaceId: workspace.id } })).toBe(3);
    } finally {
      delete process.env.INVITE_MAX_PENDING;
    }
  });

  it("re-sending issues a new link and the old one stops working; revoked links stop too", async () => {
    const { owner, workspace } = await ownedWorkspace();
    const issued = await invite(workspace.id, owner.id);
    const resent = await resendInvite({ workspaceId: workspace.id, actorId: owner.id, inviteId: issued.inviteId });
    if (!resent.ok) throw new Error("resend refused");
    expect(resent.token).not.toBe(issued.token);
    expect((await inspectInvite(issued.token)).state).toBe("replaced");
    expect((await inspectInvite(resent.token)).state).toBe("open");
    await revokeInvite({ workspaceId: workspace.id, actorId: owner.id, inviteId: resent.inviteId });
    expect((await inspectInvite(resent.token)).state).toBe("revoked");
    expect(await signUpWithInvite({ token: resent.token, name: "Late", password: "a long test passphrase" })).toEqual({ ok: false, reason: "revoked" });
    expect(await db.user.count({ where: { email: issued.email } })).toBe(0);
  });

  it("tells expired, reused, tampered, malformed and unknown tokens apart without joining anyone", async () => {
    const { owner, workspace } = await ownedWorkspace();
    const expired = await invite(workspace.id, owner.id);
    await db.invite.update({ where: { id: expired.inviteId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await inspectInvite(expired.token)).state).toBe("expired");

    const used = await invite(workspace.id, owner.id);
    expect(await signUpWithInvite({ token: used.token, name: "First", password: "a long test passphrase" })).toMatchObject({ ok: true });
    expect((await inspectInvite(used.token)).state).toBe("accepted");
    const member = await db.user.findUniqueOrThrow({ where: { email: used.email } });
    expect(await acceptInvite(used.token, member)).toEqual({ ok: false, reason: "accepted" });

    const open = await invite(workspace.id, owner.id);
    const flipped = (open.token[0] === "A" ? "B" : "A") + open.token.slice(1);
    expect((await inspectInvite(flipped)).state).toBe("unknown");
    expect((await inspectInvite(open.token.slice(0, 20))).state).toBe("malformed");
    expect((await inspectInvite(`${open.token}!`)).state).toBe("malformed");
    expect((await inspectInvite("../../etc/passwd")).state).toBe("malformed");
    expect(await db.membership.count({ where: { workspaceId: workspace.id } })).toBe(2);
  });

  it("two tabs accepting the same link at once make one membership", async () => {
    const { owner, workspace } = await ownedWorkspace();
    const invitee = await createUser("tabs");
    const issued = await invite(workspace.id, owner.id, invitee.email);
    const results = await Promise.all([acceptInvite(issued.token, invitee), acceptInvite(issued.token, invitee), acceptInvite(issued.token, invitee)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.membership.count({ where: { workspaceId: workspace.id, userId: invitee.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "invite.accepted" } })).toBe(1);

    const racing = await invite(workspace.id, owner.id);
    const signUps = await Promise.all([
      signUpWithInvite({ token: racing.token, name: "A", password: "a long test passphrase" }),
      signUpWithInvite({ token: racing.token, name: "B", password: "a long test passphrase" }),
    ]);
    expect(signUps.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.user.count({ where: { email: racing.email } })).toBe(1);
  });

  it("accepts only for the invited email, and with email configured only once it is confirmed", async () => {
    const { owner, workspace } = await ownedWorkspace();
    const stranger = await createUser("stranger");
    const unverified = await createUser("unverified", { verified: false });
    const forStranger = await invite(workspace.id, owner.id, uniqueEmail("someone-else"));
    expect(await acceptInvite(forStranger.token, stranger)).toEqual({ ok: false, reason: "wrong_account" });
    const forUnverified = await invite(workspace.id, owner.id, unverified.email);
    expect(await acceptInvite(forUnverified.token, unverified)).toEqual({ ok: false, reason: "email_unverified" });
    delete process.env.SMTP_URL;
    try {
      expect(await acceptInvite(forUnverified.token, unverified)).toMatchObject({ ok: true, workspaceId: workspace.id });
    } finally {
      process.env.SMTP_URL = sink.smtpUrl;
    }
  });

  it("answers ids of another workspace as not found", async () => {
    const mine = await ownedWorkspace("Mine");
    const theirs = await ownedWorkspace("Theirs");
    const theirInvite = await invite(theirs.workspace.id, theirs.owner.id);
    const theirMembership = (await membershipOf(theirs.owner.id, theirs.workspace.id))!;
    const actor = { userId: mine.owner.id, role: "owner" as const, workspaceId: mine.workspace.id };
    expect(await resendInvite({ workspaceId: mine.workspace.id, actorId: mine.owner.id, inviteId: theirInvite.inviteId })).toEqual({ ok: false, reason: "not_found" });
    expect(await revokeInvite({ workspaceId: mine.workspace.id, actorId: mine.owner.id, inviteId: theirInvite.inviteId })).toEqual({ ok: false });
    expect(await changeMemberRole(actor, theirMembership.id, "viewer")).toEqual({ ok: false, reason: "not_found" });
    expect(await removeMember(actor, theirMembership.id)).toEqual({ ok: false, reason: "not_found" });
    expect(await transferOwnership(actor, theirMembership.id)).toEqual({ ok: false, reason: "not_found" });
    expect((await membershipOf(theirs.owner.id, theirs.workspace.id))?.role).toBe("owner");
  });
});

describe("members and roles", () => {
  async function team() {
    const [owner, admin, sender, viewer] = await Promise.all([createUser("owner"), createUser("admin"), createUser("sender"), createUser("viewer")]);
    const workspace = await createWorkspaceWith("Roles Co", [
      { userId: owner.id, role: "owner" },
      { userId: admin.id, role: "admin" },
      { userId: sender.id, role: "sender" },
      { userId: viewer.id, role: "viewer" },
    ]);
    const ids = Object.fromEntries(
      await Promise.all(
        Object.entries({ owner, admin, sender, viewer }).map(async ([name, user]) => [name, (await membershipOf(user.id, workspace.id))!.id]),
      ),
    ) as Record<"owner" | "admin" | "sender" | "viewer", string>;
    const as = (user: { id: string }, role: "owner" | "admin") => ({ userId: user.id, role, workspaceId: workspace.id });
    return { workspace, owner, admin, sender, viewer, ids, as };
  }

  it("admins manage non-owners but cannot touch owners or make anyone owner", async () => {
    const t = await team();
    expect(await changeMemberRole(t.as(t.admin, "admin"), t.ids.sender, "viewer")).toMatchObject({ ok: true, from: "sender", to: "viewer" });
    expect(await changeMemberRole(t.as(t.admin, "admin"), t.ids.viewer, "owner")).toEqual({ ok: false, reason: "not_allowed" });
    expect(await changeMemberRole(t.as(t.admin, "admin"), t.ids.owner, "viewer")).toEqual({ ok: false, reason: "not_allowed" });
    expect(await removeMember(t.as(t.admin, "admin"), t.ids.owner)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await transferOwnership(t.as(t.admin, "admin"), t.ids.viewer)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await removeMember(t.as(t.admin, "admin"), t.ids.viewer)).toMatchObject({ ok: true });
    expect(await membershipOf(t.viewer.id, t.workspace.id)).toBeNull();
    const audit = await db.auditEvent.findMany({ where: { workspaceId: t.workspace.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => [event.action, event.metadata])).toEqual([
      ["member.role_changed", { email: t.sender.email, from: "sender", to: "viewer" }],
      ["member.removed", { email: t.viewer.email, role: "viewer" }],
    ]);

    // The audit log's filters: by action, and by member (what they did or what was done to them).
    const removals = await listAuditEvents(t.workspace.id, 1, { action: "member.removed" });
    expect(removals.events.map((event) => event.action)).toEqual(["member.removed"]);
    const aboutSender = await listAuditEvents(t.workspace.id, 1, { member: { id: t.sender.id, email: t.sender.email } });
    expect(aboutSender.events.map((event) => event.action)).toEqual(["member.role_changed"]);
    const byAdmin = await listAuditEvents(t.workspace.id, 1, { member: { id: t.admin.id, email: t.admin.email } });
    expect(byAdmin.total).toBe(2);
  });

  it("the last owner can neither be demoted nor leave; after a transfer they can", async () => {
    const t = await team();
    expect(await changeMemberRole(t.as(t.owner, "owner"), t.ids.owner, "admin")).toEqual({ ok: false, reason: "last_owner" });
    expect(await leaveWorkspace(t.owner.id, t.workspace.id)).toEqual({ ok: false, reason: "last_owner" });
    expect(await transferOwnership(t.as(t.owner, "owner"), t.ids.sender)).toMatchObject({ ok: true, email: t.sender.email });
    expect((await membershipOf(t.sender.id, t.workspace.id))?.role).toBe("owner");
    expect((await membershipOf(t.owner.id, t.workspace.id))?.role).toBe("admin");
    // The former owner's request still says "owner"; the check under the lock does not believe it.
    expect(await transferOwnership(t.as(t.owner, "owner"), t.ids.viewer)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await leaveWorkspace(t.owner.id, t.workspace.id)).toEqual({ ok: true });
    expect(await membershipOf(t.owner.id, t.workspace.id)).toBeNull();
    const actions = (await db.auditEvent.findMany({ where: { workspaceId: t.workspace.id }, orderBy: { createdAt: "asc" } })).map((event) => event.action);
    expect(actions).toEqual(["ownership.transferred", "member.left"]);
  });

  it("two owners demoting each other at once leave one owner", async () => {
    const t = await team();
    await changeMemberRole(t.as(t.owner, "owner"), t.ids.admin, "owner");
    const results = await Promise.all([
      changeMemberRole(t.as(t.owner, "owner"), t.ids.admin, "viewer"),
      changeMemberRole(t.as(t.admin, "owner"), t.ids.owner, "viewer"),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.membership.count({ where: { workspaceId: t.workspace.id, role: "owner" } })).toBe(1);
  });
});
