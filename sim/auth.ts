import type { IncomingHttpHeaders } from "node:http";
import { forbidden, SimError } from "./http";
import { findMember, type SimMember, type SimOrganization, type SimState, type SimUser } from "./state";

/** Who is calling, and in which organization's context (null = personal). */
export type Caller = { user: SimUser; organization: SimOrganization | null; member: SimMember | null };

const header = (headers: IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
};

export function authenticate(state: SimState, headers: IncomingHttpHeaders): SimUser {
  const key = header(headers, "x-api-key");
  if (!key) throw new SimError(401, "UNAUTHORIZED", "Missing x-api-key header");
  const user = state.usersByKey.get(key);
  if (!user) throw new SimError(401, "UNAUTHORIZED", "Invalid API key");
  return user;
}

/** Authenticates and resolves `x-org-id`, which must name an active organization of the caller. */
export function authenticateInContext(state: SimState, headers: IncomingHttpHeaders): Caller {
  const user = authenticate(state, headers);
  const organizationId = header(headers, "x-org-id");
  if (!organizationId) return { user, organization: null, member: null };
  const organization = state.organizations.get(organizationId);
  const member = organization && findMember(organization, user.id);
  if (!organization || !member) throw forbidden("You are not a member of this organization");
  if (!organization.state) throw forbidden("This organization is disabled");
  return { user, organization, member };
}

/** Organization permissions limit what a member may do; the personal context has no such limits. */
export function requirePermission(caller: Caller, permission: string) {
  if (caller.member && !caller.member.permissions.includes(permission)) {
    throw forbidden(`Missing permission ${permission} in this organization`);
  }
}
