import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { hashPassword } from "@/lib/auth/password";
import { claimInvite, joinWorkspace } from "./accept-invite";
import { inspectInvite, type InviteLookup } from "./inspect-invite";

export type SignUpWithInviteResult =
  | { ok: true; email: string; workspaceId: string }
  | { ok: false; reason: Exclude<InviteLookup["state"], "open"> | "email_taken" };

/**
 * Creates an account for the invited email and joins the workspace, in one
 * transaction. The email counts as verified: the link was sent to that
 * address (or handed over by the inviter, who vouches for it).
 */
export async function signUpWithInvite(input: { token: string; name: string; password: string }): Promise<SignUpWithInviteResult> {
  const lookup = await inspectInvite(input.token);
  if (lookup.state !== "open") return { ok: false, reason: lookup.state };
  const { invite } = lookup;
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: invite.email, name: input.name, passwordHash, emailVerifiedAt: new Date() },
        select: { id: true },
      });
      if (!(await claimInvite(tx, invite.id, user.id))) throw new InviteGone();
      await joinWorkspace(tx, { email: invite.email, role: invite.role, workspaceId: invite.workspace.id }, user.id);
      return { ok: true as const, email: invite.email, workspaceId: invite.workspace.id };
    });
  } catch (error) {
    if (error instanceof InviteGone) return { ok: false, reason: "accepted" };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, reason: "email_taken" };
    throw error;
  }
}

/** Rolls the new account back when another tab accepted the invitation first. */
class InviteGone extends Error {}
