import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword } from "./password";

export type NewAccount = { name: string; email: string; password: string; workspaceName: string };
export type CreateAccountResult = { ok: true; userId: string; workspaceId: string } | { ok: false; reason: "email_taken" };

/**
 * Creates the user, their first workspace and their owner membership together.
 * A taken email is answered before the password is hashed, so repeated
 * sign-ups with a known address cost no hashing; the unique index still
 * settles a race between two sign-ups.
 */
export async function createAccount(account: NewAccount): Promise<CreateAccountResult> {
  const email = account.email.toLowerCase();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return { ok: false, reason: "email_taken" };
  const passwordHash = await hashPassword(account.password);
  try {
    return await db.$transaction(async (tx) => {
      const workspace = await tx.workspace.create({ data: { name: account.workspaceName } });
      const user = await tx.user.create({
        data: {
          email,
          name: account.name,
          passwordHash,
          currentWorkspaceId: workspace.id,
          memberships: { create: { workspaceId: workspace.id, role: "owner" } },
        },
      });
      await recordAuditEvent({ workspaceId: workspace.id, actorId: user.id, action: "workspace.created", target: workspace.id }, tx);
      return { ok: true as const, userId: user.id, workspaceId: workspace.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, reason: "email_taken" };
    }
    throw error;
  }
}
