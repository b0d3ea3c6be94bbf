import { encode, type JWT } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { getCurrentUser } from "@/lib/auth/current-user";
import { claimsFromToken } from "@/lib/auth/read-session-token";
import { getWorkspaceContext, listMyWorkspaces } from "@/lib/workspaces/workspace-context";
import { createUser, createWorkspaceWith } from "../support/team-fixtures";
import { setSessionToken } from "../support/next-request-scope";

/**
 * Pages read the session cookie themselves (one decode, one SQL statement for
 * the user and their memberships) instead of through next-auth's
 * getServerSession. These tests hold that path to the same guarantees: a
 * revoked, lapsed or forged session is signed out on the very next request, a
 * removed member loses the workspace at once, a role change applies at once.
 */

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "request-session test secret, at least 32 characters long";
});
vi.mock("next/headers", async () => (await import("../support/next-request-scope")).nextHeaders);


const now = () => Math.floor(Date.now() / 1000);

async function tokenFor(userId: string, claims: Partial<JWT> = {}, secret = process.env.NEXTAUTH_SECRET!) {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return encode({ token: { sub: userId, sessionVersion, authTime: now(), lastSeen: now(), ...claims }, secret });
}

async function signIn(userId: string, claims: Partial<JWT> = {}) {
  setSessionToken(await tokenFor(userId, claims));
}

describe("reading the session on each request", () => {
  it("gives the user, their workspaces in name order and the current one", async () => {
    const user = await createUser("reader");
    const zeta = await createWorkspaceWith("Zeta", [{ userId: user.id, role: "viewer" }]);
    const alpha = await createWorkspaceWith("Alpha", [{ userId: user.id, role: "admin" }]);
    await signIn(user.id);
    expect(await getCurrentUser()).toMatchObject({ id: user.id, email: user.email, currentWorkspaceId: alpha.id });
    expect((await listMyWorkspaces(user.id)).map((workspace) => workspace.name)).toEqual(["Alpha", "Zeta"]);
    expect(await getWorkspaceContext()).toMatchObject({ workspace: { id: alpha.id, name: "Alpha" }, role: "admin" });
    await db.user.update({ where: { id: user.id }, data: { currentWorkspaceId: zeta.id } });
    expect(await getWorkspaceContext()).toMatchObject({ workspace: { id: zeta.id }, role: "viewer" });
  });

  it("ends a revoked session (password changed, log out everywhere) on the next request", async () => {
    const user = await createUser("revoked");
    await createWorkspaceWith("Revoked", [{ userId: user.id, role: "owner" }]);
    await signIn(user.id);
    expect(await getCurrentUser()).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await getCurrentUser()).toBeNull();
    expect(await getWorkspaceContext()).toBeNull();
  });

  it("refuses a removed member at once and applies a role change at once", async () => {
    const owner = await createUser("owner");
    const member = await createUser("member");
    const workspace = await createWorkspaceWith("Team", [
      { userId: owner.id, role: "owner" },
      { userId: member.id, role: "sender" },
    ]);
    await signIn(member.id);
    expect(await getWorkspaceContext()).toMatchObject({ workspace: { id: workspace.id }, role: "sender" });
    await db.membership.update({ where: { userId_workspaceId: { userId: member.id, workspaceId: workspace.id } }, data: { role: "viewer" } });
    expect(await getWorkspaceContext()).toMatchObject({ role: "viewer" });
    await db.membership.delete({ where: { userId_workspaceId: { userId: member.id, workspaceId: workspace.id } } });
    expect(await getWorkspaceContext()).toBeNull();
    expect(await listMyWorkspaces(member.id)).toEqual([]);
  });

  it("treats a lapsed, forged, foreign or missing token as signed out", async () => {
    const user = await createUser("lapsed");
    await createWorkspaceWith("Lapsed", [{ userId: user.id, role: "owner" }]);
    await signIn(user.id, { authTime: now() - 2 * 3600, lastSeen: now() - 61 * 60 });
    expect(await getCurrentUser()).toBeNull();
    await signIn(user.id, { authTime: now() - 12 * 3600 - 60, lastSeen: now() - 5 });
    expect(await getCurrentUser()).toBeNull();
    setSessionToken(await tokenFor(user.id, {}, "another secret entirely, not the portal's"));
    expect(await getCurrentUser()).toBeNull();
    setSessionToken("not a token");
    expect(await getCurrentUser()).toBeNull();
    setSessionToken(await tokenFor(user.id, { sub: "not-a-uuid" }));
    expect(await getCurrentUser()).toBeNull();
    setSessionToken(null);
    expect(await getCurrentUser()).toBeNull();
    expect(await claimsFromToken(undefined)).toBeNull();
  });

  it("never signs in a token of a deleted user", async () => {
    const user = await createUser("deleted");
    await signIn(user.id);
    await db.user.delete({ where: { id: user.id } });
    expect(await getCurrentUser()).toBeNull();
  });
});
