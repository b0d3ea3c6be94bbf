import type { Role } from "@/lib/db/generated/enums";

export type { Role };

/** Everything a role can be allowed to do; every action and page names one. */
export const PERMISSIONS = [
  "workspace.read",
  "sms.read",
  "sms.send",
  "api_key.manage",
  "members.manage",
  "audit.read",
  "workspace.delete",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: ["workspace.read", "sms.read", "sms.send", "api_key.manage", "members.manage", "audit.read"],
  sender: ["workspace.read", "sms.read", "sms.send"],
  viewer: ["workspace.read", "sms.read"],
};

export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** English names (logs, scripts); pages show `common.roles.<role>` from the catalogs. */
