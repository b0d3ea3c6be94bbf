import type { Role } from "@/lib/workspaces/roles";

/** Roles an invitation can carry: ownership is only ever handed over by an owner. */
export const INVITABLE_ROLES = ["admin", "sender", "viewer"] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** Roles `actor` may give someone through the role select. */
export function assignableRoles(actor: Role): Role[] {
  return actor === "owner" ? ["owner", "admin", "sender", "viewer"] : ["admin", "sender", "viewer"];
}

/** Whether `actor` may change the role of, or remove, a member who is `target`. Admins never touch owners. */
export function canManageMember(actor: Role, target: Role): boolean {
  if (actor === "owner") return true;
  return actor === "admin" && target !== "owner";
}
