import type { Organization } from "@/lib/yazsana";
import type { OrganizationsView } from "./load-organizations";

/** Organization permissions the portal enforces on top of the member's role. */
export type OrgPermission = "organization.sms.read" | "organization.sms.send";

export type ContextAccess =
  | { allowed: true; organization: Organization | null }
  | { allowed: false; reason: "no_key" | "unavailable" | "missing_permission"; organization: Organization | null };

/**
 * Whether the member's current context may do `permission`. Personal credit
 * needs no organization permission; an organization context needs the
 * organization to grant it to the key owner (Yazsana would refuse otherwise,
 * so the portal refuses first and offers nothing it can't do).
 */
export function contextAccess(view: OrganizationsView, permission: OrgPermission): ContextAccess {
  if (view.status === "no_key") return { allowed: false, reason: "no_key", organization: null };
  if (view.status === "error") return { allowed: false, reason: "unavailable", organization: null };
  if (!view.currentOrganizationId) return { allowed: true, organization: null };
  const organization = view.organizations.find((candidate) => candidate.id === view.currentOrganizationId) ?? null;
  if (organization?.permissions.includes(permission)) return { allowed: true, organization };
  return { allowed: false, reason: "missing_permission", organization };
}
