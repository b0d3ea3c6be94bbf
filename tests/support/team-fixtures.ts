import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/workspaces/roles";

let counter = 0;

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString("hex")}-${++counter}@example.com`;
}

/**
 * A user created straight in the database, for tests that never log in with a
 * password (hashing one per user would only slow them down).
 */
export async function createUser(prefix: string, options: { verified?: boolean } = {}) {
  return db.user.create({
    data: { email: uniqueEmail(prefix), name: prefix, passwordHash: "not-a-login", emailVerifiedAt: options.verified === false ? null : new Date() },
    select: { id: true, email: true, name: true },
  });
}

export async function createWorkspaceWith(name: string, members: Array<{ userId: string; role: Role }>) {
  const workspace = await db.workspace.create({ data: { name }, select: { id: true, name: true } });
  for (const member of members) {
    await db.membership.create({ data: { userId: member.userId, workspaceId: workspace.id, role: member.role } });
    await db.user.update({ where: { id: member.userId }, data: { currentWorkspaceId: workspace.id } });
  }
  return workspace;
}

export async function membershipOf(userId: string, workspaceId: string) {
  return db.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } }, select: { id: true, role: true } });
}
