import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { hashOneTimeToken, isWellFormedToken } from "@/lib/crypto/one-time-token";
import type { Role } from "@/lib/workspaces/roles";

export type OpenInvite = {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  workspace: { id: string; name: string };
  invitedBy: { name: string; email: string } | null;
};

export type InviteLookup =
  | { state: "open"; invite: OpenInvite }
  | { state: "malformed" | "unknown" | "accepted" | "revoked" | "replaced" | "expired" };

/**
 * What an invitation link leads to. Only the token's hash is looked up; a
 * token that can't be one is never looked up at all. Cached per request, so
 * the page and its not-found view share one read.
 */
export const inspectInvite = cache(async (token: string): Promise<InviteLookup> => {
  if (!isWellFormedToken(token)) return { state: "malformed" };
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashOneTimeToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      status: true,
      expiresAt: true,
      workspace: { select: { id: true, name: true } },
      invitedBy: { select: { name: true, email: true } },
    },
  });
  if (!invite) return { state: "unknown" };
  if (invite.status !== "pending") return { state: invite.status };
  if (invite.expiresAt <= new Date()) return { state: "expired" };
  return {
    state: "open",
    invite: { id: invite.id, email: invite.email, role: invite.role, expiresAt: invite.expiresAt, workspace: invite.workspace, invitedBy: invite.invitedBy },
  };
});
